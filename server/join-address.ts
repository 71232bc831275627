// The address students' phones should open. A teacher usually browses at localhost, which
// no phone can reach; the server knows better: PUBLIC_URL when set, else the address the
// teacher typed when it is not this computer's loopback, else this machine's LAN address.
// When there is none (no Wi-Fi, or the server listens on loopback only) it says so, and why,
// rather than show an address that cannot work. Used by GET /api/join-address, the links
// of a new match, and the addresses `npm start` prints.
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";

export interface LanAddress {
  /** The IPv4 address, e.g. 192.168.1.20. */
  address: string;
  /** The interface's name, e.g. wlan0, en0, eth0: shown so a teacher can pick the Wi-Fi one. */
  interface: string;
}

export type JoinAddressSource = "public-url" | "request" | "lan" | "none";

export interface JoinAddress {
  /** Origin for links students open (no trailing slash), or null when there is none. */
  origin: string | null;
  source: JoinAddressSource;
  /** Other origins of this machine a phone might reach (another network card). */
  alternatives: string[];
  /** Why there is no address, when `origin` is null. */
  problem: "no-lan" | "loopback-only" | null;
}

/** Names of interfaces a phone on the classroom Wi-Fi is unlikely to reach: containers, VMs, VPNs. */
const virtualInterface = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|wg|tailscale|zt|lxc|lxd|podman|cni|flannel|kube)/i;

function privateRank(address: string): number {
  if (address.startsWith("192.168.")) return 0;
  if (address.startsWith("10.")) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/**
 * This machine's IPv4 addresses other phones could reach, best guess first: physical
 * interfaces before virtual ones, Wi-Fi-looking names first, private ranges before others.
 * Loopback and link-local (169.254.x.x, no DHCP answer) addresses are left out.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== "IPv4" || info.internal || info.address.startsWith("169.254.") || info.address.startsWith("127.")) continue;
      found.push({ address: info.address, interface: name });
    }
  }
  const rank = (a: LanAddress) => [virtualInterface.test(a.interface) ? 1 : 0, /^(wl|wi|en0$|airport)/i.test(a.interface) ? 0 : 1, privateRank(a.address)];
  return found.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}

/** localhost, *.localhost, 127.x.x.x, ::1 and 0.0.0.0 only ever mean "this computer". */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return host === "localhost" || host.endsWith(".localhost") || host.startsWith("127.") || host === "::1" || host === "0.0.0.0" || host === "::";
}

/** Splits a Host header ("localhost:2567", "[::1]:80", "example.org") into name and port. */
function splitHost(hostHeader: string): { hostname: string; port: string } {
  const ipv6 = /^(\[[^\]]+\])(?::(\d+))?$/.exec(hostHeader);
  if (ipv6) return { hostname: ipv6[1]!, port: ipv6[2] ?? "" };
  const [hostname = "", port = ""] = hostHeader.split(":");
  return { hostname, port };
}

export interface JoinAddressInput {
  /** PUBLIC_URL, if set: always wins (a reverse proxy, a school DNS name, a tunnel). */
  publicUrl?: string;
  /** The Host header of the teacher's request, and its protocol. */
  requestHost: string;
  requestProtocol: string;
  /** The port the server listens on, for LAN addresses when the Host header names none. */
  listenPort: number;
  /** HOST the server was bound to, if any: a loopback bind cannot be reached from a phone. */
  listenHost?: string;
  lan: readonly LanAddress[];
}

export function joinAddress(input: JoinAddressInput): JoinAddress {
  const publicUrl = input.publicUrl?.trim().replace(/\/+$/, "");
  if (publicUrl) return { origin: publicUrl, source: "public-url", alternatives: [], problem: null };
  const protocol = input.requestProtocol === "https" ? "https" : "http";
  const { hostname, port } = splitHost(input.requestHost);
  const bound = input.listenHost?.trim() ?? "";
  if (bound && bound !== "0.0.0.0" && bound !== "::" && isLoopbackHost(bound)) return { origin: null, source: "none", alternatives: [], problem: "loopback-only" };
  // Bound to one address (HOST=192.168.1.20): that is the only one a phone can use.
  const reachable = bound && bound !== "0.0.0.0" && bound !== "::" ? [{ address: bound, interface: "HOST" }] : input.lan;
  const lanOrigins = reachable.map((a) => `${protocol}://${a.address.includes(":") ? `[${a.address}]` : a.address}:${port || input.listenPort}`);
  if (hostname && !isLoopbackHost(hostname)) {
    // The teacher already uses an address other devices can resolve (a LAN IP or a name).
    const origin = `${protocol}://${input.requestHost}`;
    return { origin, source: "request", alternatives: lanOrigins.filter((o) => o !== origin), problem: null };
  }
  const [first, ...rest] = lanOrigins;
  if (!first) return { origin: null, source: "none", alternatives: [], problem: "no-lan" };
  return { origin: first, source: "lan", alternatives: rest, problem: null };
}

/** The join address for a request reaching this server, from the process's environment. */
export function joinAddressFor(request: { headers: Record<string, string | string[] | undefined> }): JoinAddress {
  const forwarded = request.headers["x-forwarded-proto"];
  const protocol = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || "http";
  const host = request.headers.host;
  return joinAddress({
    publicUrl: process.env.PUBLIC_URL,
    requestHost: (Array.isArray(host) ? host[0] : host) ?? "localhost",
    requestProtocol: protocol,
    listenPort: Number(process.env.PORT ?? 2567),
    listenHost: process.env.HOST,
    lan: lanAddresses(),
  });
}
