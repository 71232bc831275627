// What a browser remembers between visits, per class code: the reconnection token for this
// tab (sessionStorage: a reload resumes the same seat), the seat secret and nickname for this
// device (localStorage: a closed tab can still take its seat back), the teacher's token per
// match, and the teacher key this browser uses for every new match (so one key lists them all;
// the matches page reads the same entry), and the language this device chose.
// No SDK here, so the landing page can read it without loading the network chunk.

const prefix = "rough-consensus";

function read(store: Storage | undefined, key: string): string | null {
  try {
    return store?.getItem(`${prefix}.${key}`) ?? null;
  } catch {
    return null;
  }
}

function write(store: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(`${prefix}.${key}`);
    else store?.setItem(`${prefix}.${key}`, value);
  } catch {
    // Private mode or a full store: the game still works, a reload just joins afresh.
  }
}

const session = () => (typeof sessionStorage === "undefined" ? undefined : sessionStorage);
const local = () => (typeof localStorage === "undefined" ? undefined : localStorage);

export const remembered = {
  reconnectionToken: (code: string, role: string) => read(session(), `${code}.${role}.reconnect`),
  setReconnectionToken: (code: string, role: string, token: string | null) => write(session(), `${code}.${role}.reconnect`, token),
  seatSecret: (code: string) => read(local(), `${code}.seat`),
  setSeatSecret: (code: string, secret: string | null) => write(local(), `${code}.seat`, secret),
  nickname: (code: string) => read(local(), `${code}.nickname`),
  setNickname: (code: string, nickname: string) => write(local(), `${code}.nickname`, nickname),
  teacherToken: (code: string) => read(local(), `${code}.teacher`),
  setTeacherToken: (code: string, token: string) => write(local(), `${code}.teacher`, token),
  teacherKey: () => read(local(), "matches.teacher"),
  setTeacherKey: (token: string | null) => write(local(), "matches.teacher", token),
  language: () => read(local(), "language"),
  setLanguage: (code: string) => write(local(), "language", code),
};
