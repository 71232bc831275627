// The address a class joins at, tested with real networks rather than a faked list of network
// cards: the server runs in a Linux network namespace, as on a laptop with exactly that
// namespace's interfaces, and the teacher's Chromium runs in the same namespace browsing at
// http://localhost:PORT (what `npm start` prints).
//   - "classroom Wi-Fi": the namespace has a virtual Ethernet link to this machine (its LAN).
//     The dashboard, the projector, the QR code and the join link must show the LAN address,
//     and a phone outside the namespace must join by opening exactly that link.
//   - "no network": the namespace has only loopback. The dashboard must say plainly that
//     phones cannot reach it and what to do; no QR code of an address that cannot work.
//   - PUBLIC_URL set: it wins over everything.
// Namespaces need root (CAP_NET_ADMIN); without it the file is skipped with the reason, and
// under CI=true that is a failure instead.
import { execFileSync } from "node:child_process";
import { chmodSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { chromiumArgs, chromiumMissingMessage, compositingArgs, findChromium, launchChromium, openPage, saveScreenshot, screenSizes } from "../helpers/browser.js";
import { inCI } from "../helpers/services.js";
import { onScreen, visibleText } from "./classroom-checks.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

/** Runs `ip` and returns its output; throws with the command's own words on failure. */
function ip(...args: string[]): string {
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Whether this machine lets the test make network namespaces (root with CAP_NET_ADMIN, `ip` installed). */
function namespacesWork(): string | null {
  const probe = `rcprobe${process.pid}`;
  try {
    ip("netns", "add", probe);
    ip("netns", "del", probe);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] ?? "unknown" : String(error);
  }
}

const namespaceProblem = chromiumPath ? namespacesWork() : "no Chromium";
if (chromiumPath && namespaceProblem && !inCI()) console.warn(`[e2e] SKIPPED join-address: cannot create a network namespace (${namespaceProblem}). Run as root with the iproute2 package.`);
if (chromiumPath && namespaceProblem && inCI()) {
  describe("network namespaces under CI", () => {
    it("can be made (CI runs the join-address test as root; it never skips it)", () => {
      expect.fail(`CI=true but no network namespace can be made here: ${namespaceProblem}`);
    });
  });
}

/** A subnet of 10.x.y.0/30 unlikely to clash with another run on this machine. */
const subnet = `10.${200 + (process.pid % 50)}.${Math.floor(process.pid / 50) % 250}`;
const lanNs = `rc${process.pid}lan`;
const offlineNs = `rc${process.pid}off`;
const hostSide = `rch${process.pid}`.slice(0, 15);
const lanAddress = `${subnet}.2`;

/** A Chromium whose process lives in `netns`, started through `ip netns exec`. */
async function chromiumIn(netns: string): Promise<Browser> {
  const wrapper = path.join(tmpdir(), `rough-consensus-chromium-${netns}.sh`);
  writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${netns} ${chromiumPath} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return chromium.launch({ executablePath: wrapper, args: [...chromiumArgs, ...compositingArgs("software")], timeout: 30_000 });
}

/** Whether two images (data URLs) have the same size and the same pixels, decoded in the page. */
function samePixels(page: Page, a: string, b: string): Promise<boolean> {
  return page.evaluate(async ([first, second]) => {
    const pixels = async (src: string) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D canvas");
      context.drawImage(image, 0, 0);
      return { width: canvas.width, height: canvas.height, data: context.getImageData(0, 0, canvas.width, canvas.height).data };
    };
    const [x, y] = await Promise.all([pixels(first), pixels(second)]);
    return x.width === y.width && x.height === y.height && x.data.every((value, i) => value === y.data[i]);
  }, [a, b] as const);
}

async function teacherOpensMatch(browser: Browser, port: number): Promise<{ page: Page; code: string }> {
  const context = await browser.newContext({ viewport: screenSizes.chromebook });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(`http://localhost:${port}/?e2e=1`);
  await page.getByRole("button", { name: en["landing.teacher.start"] }).click();
  await page.getByLabel(en["setup.classLabel"]).fill("9C Citizenship");
  await page.getByRole("button", { name: en["setup.create"] }).click();
  await page.waitForFunction(() => window.__e2e?.screen === "host" && window.__e2e?.phase === "lobby");
  const code = ((await page.getByTestId("join-code").textContent()) ?? "").trim();
  return { page, code };
}

describe.skipIf(!chromiumPath || namespaceProblem !== null)("the join address students see", () => {
  const servers: GameServer[] = [];
  const browsers: Browser[] = [];

  beforeAll(() => {
    // The classroom Wi-Fi: a virtual cable from this machine into the namespace.
    ip("netns", "add", lanNs);
    ip("link", "add", hostSide, "type", "veth", "peer", "name", "rcwifi0", "netns", lanNs);
    ip("addr", "add", `${subnet}.1/30`, "dev", hostSide);
    ip("link", "set", hostSide, "up");
    ip("-n", lanNs, "addr", "add", `${lanAddress}/30`, "dev", "rcwifi0");
    ip("-n", lanNs, "link", "set", "rcwifi0", "up");
    ip("-n", lanNs, "link", "set", "lo", "up");
    // No network at all: loopback only.
    ip("netns", "add", offlineNs);
    ip("-n", offlineNs, "link", "set", "lo", "up");
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await Promise.all(servers.map((s) => s.stop()));
    for (const ns of [lanNs, offlineNs]) {
      // Deleting a namespace deletes the cable's end inside it, and so the cable.
      try {
        ip("netns", "del", ns);
      } catch (error) {
        console.warn(`[e2e] could not delete network namespace ${ns}:`, error);
      }
      rmSync(path.join(tmpdir(), `rough-consensus-chromium-${ns}.sh`), { force: true });
    }
  });

  it("on the classroom Wi-Fi / dashboard, QR code, projector and join link show the LAN address, and a phone joins by it", async () => {
    const server = await startGameServer(inject("clientDir"), { netns: lanNs, env: { HOST: "0.0.0.0", PUBLIC_URL: "" } });
    servers.push(server);
    const laptop = await chromiumIn(lanNs);
    browsers.push(laptop);
    const { page: teacher, code } = await teacherOpensMatch(laptop, server.port);
    const expected = `http://${lanAddress}:${server.port}/join/${code}`;

    const link = teacher.getByTestId("join-link");
    await link.waitFor();
    expect(await link.textContent()).toBe(expected);
    const qr = teacher.getByRole("img", { name: en["host.qr"].replace("{code}", code) });
    await qr.waitFor();
    // The QR code encodes exactly that link: the same encoder with the same options draws the
    // same pixels (compared decoded, since a browser and Node compress PNGs differently).
    expect(await samePixels(teacher, (await qr.getAttribute("src")) ?? "", await QRCode.toDataURL(expected, { margin: 1, width: 320, errorCorrectionLevel: "M" }))).toBe(true);
    expect(await visibleText(teacher)).not.toMatch(/localhost|127\.0\.0\.1/);
    expect(await teacher.getByText(en["host.headingClass"].replace("{label}", "9C Citizenship").replace("{code}", code)).isVisible()).toBe(true);
    await saveScreenshot(teacher, "join-address-lan-dashboard", "chromebook");

    // The teacher opens the projector from the dashboard, on the same laptop.
    const [projector] = await Promise.all([teacher.context().waitForEvent("page"), teacher.getByTestId("projector-link").click()]);
    await projector.setViewportSize(screenSizes.projector);
    await projector.waitForFunction(() => window.__e2e?.screen === "projector");
    await projector.getByTestId("projector-address").waitFor();
    expect(await projector.getByTestId("projector-address").textContent()).toBe(`${lanAddress}:${server.port}`);
    expect(await onScreen(projector.getByRole("img", { name: en["host.qr"].replace("{code}", code) }))).toBe(true);
    expect(await visibleText(projector)).not.toMatch(/localhost|127\.0\.0\.1/);
    await saveScreenshot(projector, "join-address-lan", "projector");

    // A phone on the Wi-Fi, outside the laptop's namespace, opens the link as it was shown.
    const phones = await launchChromium();
    browsers.push(phones);
    const { page: phone } = await openPage(phones, "handset");
    await phone.goto(`${expected}?e2e=1`);
    expect(await phone.getByLabel(en["landing.student.codeLabel"]).inputValue()).toBe(code);
    // A student who followed the link sees the join form, not the teachers' panel.
    expect(await phone.getByRole("button", { name: en["landing.teacher.start"] }).isVisible()).toBe(false);
    await phone.getByLabel(en["landing.student.nicknameLabel"]).fill("Wi-Fi Wren");
    await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
    await projector.getByText("Wi-Fi Wren").waitFor();
    await teacher.getByText("Wi-Fi Wren").first().waitFor();
  }, 180_000);

  it("with no network / the dashboard says plainly that phones cannot reach it, and what to do", async () => {
    const server = await startGameServer(inject("clientDir"), { netns: offlineNs, env: { HOST: "0.0.0.0", PUBLIC_URL: "" } });
    servers.push(server);
    const laptop = await chromiumIn(offlineNs);
    browsers.push(laptop);
    const { page: teacher, code } = await teacherOpensMatch(laptop, server.port);
    const warning = teacher.getByTestId("no-address");
    await warning.waitFor();
    expect(await warning.textContent()).toContain(en["host.noAddress"]);
    expect(await warning.textContent()).toContain(en["host.noAddress.lan"]);
    expect(await onScreen(warning)).toBe(true);
    expect(await teacher.getByTestId("join-link").count()).toBe(0);
    expect(await teacher.getByRole("img", { name: en["host.qr"].replace("{code}", code) }).count()).toBe(0);
    // The code itself still shows: it is what the class will type once the laptop is online.
    expect(await teacher.getByTestId("join-code").textContent()).toBe(code);
    await saveScreenshot(teacher, "join-address-none-dashboard", "chromebook");

    const [projector] = await Promise.all([teacher.context().waitForEvent("page"), teacher.getByTestId("projector-link").click()]);
    await projector.setViewportSize(screenSizes.projector);
    await projector.getByTestId("no-address").waitFor();
    expect(await visibleText(projector)).not.toMatch(/localhost|127\.0\.0\.1/);
    await saveScreenshot(projector, "join-address-none", "projector");
  }, 180_000);

  it("with PUBLIC_URL / the school's address wins over the LAN address", async () => {
    const server = await startGameServer(inject("clientDir"), { netns: lanNs, env: { HOST: "0.0.0.0", PUBLIC_URL: "https://game.school.example/" } });
    servers.push(server);
    const laptop = await chromiumIn(lanNs);
    browsers.push(laptop);
    const { page: teacher, code } = await teacherOpensMatch(laptop, server.port);
    await teacher.getByTestId("join-link").waitFor();
    expect(await teacher.getByTestId("join-link").textContent()).toBe(`https://game.school.example/join/${code}`);
  }, 120_000);
});
