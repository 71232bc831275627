// The teacher key never stays in the address bar. A teacher's laptop is usually mirrored to the
// projector, and the key opens and controls every match they recorded. A link that carries it
// (an emailed "your recorded matches", an old replay or dashboard link) has it in the fragment,
// #token=…, which never reaches a server; this takes it out of the address at once, before
// anything else loads, keeping the path, the query (?at=, view=, lang=) and any other fragment
// parameter (a student's #replay= link stays shareable). The page then keeps the key where this
// browser keeps its teacher keys (net/storage.ts), so a reload still opens it. Links the app
// draws never carry the key: they hand it over through that storage instead.
// No SDK here: main.ts runs this first thing.

export function takeKeyFromAddress(location: Location = window.location, history: History = window.history): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  if (!params.has("token")) return null;
  const key = params.get("token") ?? "";
  params.delete("token");
  const rest = params.toString();
  history.replaceState(history.state, "", location.pathname + location.search + (rest ? `#${rest}` : ""));
  return key || null;
}
