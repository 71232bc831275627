// The address students are shown: never the teacher's localhost, PUBLIC_URL when set, the
// machine's Wi-Fi address before a container bridge, and a plain "none" with the reason when
// no phone could reach the server. (The end-to-end test tests/e2e/join-address runs the real
// server in network namespaces with and without a LAN address.)
import type { NetworkInterfaceInfo } from "node:os";
import { describe, expect, it } from "vitest";
import { isLoopbackHost, joinAddress, lanAddresses } from "../../server/join-address.js";

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({ address, family: "IPv4", internal, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: `${address}/24` });
const v6 = (address: string): NetworkInterfaceInfo => ({ address, family: "IPv6", internal: false, netmask: "ffff:ffff:ffff:ffff::", mac: "00:00:00:00:00:00", cidr: `${address}/64`, scopeid: 0 });

const laptop = {
  lo: [v4("127.0.0.1", true)],
  docker0: [v4("172.17.0.1")],
  eth0: [v4("10.0.5.7")],
  wlan0: [v4("192.168.1.20"), v6("fe80::1")],
  usb0: [v4("169.254.3.3")],
};

describe("the machine's LAN addresses", () => {
  it("lists reachable IPv4 addresses, Wi-Fi first and container bridges last, without loopback or link-local", () => {
    expect(lanAddresses(laptop).map((a) => `${a.interface} ${a.address}`)).toEqual(["wlan0 192.168.1.20", "eth0 10.0.5.7", "docker0 172.17.0.1"]);
  });

  it("is empty on a machine with only loopback", () => {
    expect(lanAddresses({ lo: [v4("127.0.0.1", true)] })).toEqual([]);
  });
});

describe("the join address", () => {
  const lan = lanAddresses(laptop);
  const base = { requestHost: "localhost:2567", requestProtocol: "http", listenPort: 2567, lan };

  it("when the teacher browses at localhost / gives the LAN address with the request's port", () => {
    expect(joinAddress(base)).toEqual({ origin: "http://192.168.1.20:2567", source: "lan", alternatives: ["http://10.0.5.7:2567", "http://172.17.0.1:2567"], problem: null });
    expect(joinAddress({ ...base, requestHost: "127.0.0.1:8080" }).origin).toBe("http://192.168.1.20:8080");
    expect(joinAddress({ ...base, requestHost: "[::1]:2567" }).origin).toBe("http://192.168.1.20:2567");
  });

  it("when PUBLIC_URL is set / gives it, whatever the teacher typed", () => {
    expect(joinAddress({ ...base, publicUrl: "https://game.school.example/" })).toEqual({ origin: "https://game.school.example", source: "public-url", alternatives: [], problem: null });
  });

  it("when the teacher already browses at an address other devices can use / keeps it", () => {
    const r = joinAddress({ ...base, requestHost: "192.168.1.20:2567" });
    expect(r).toMatchObject({ origin: "http://192.168.1.20:2567", source: "request", problem: null });
    expect(r.alternatives).not.toContain("http://192.168.1.20:2567");
    expect(joinAddress({ ...base, requestHost: "teacher-laptop.local:2567" }).origin).toBe("http://teacher-laptop.local:2567");
  });

  it("when the machine has no LAN address / says so instead of showing localhost", () => {
    expect(joinAddress({ ...base, lan: [] })).toEqual({ origin: null, source: "none", alternatives: [], problem: "no-lan" });
  });

  it("when the server listens on loopback only / says no phone can join, even with LAN addresses", () => {
    expect(joinAddress({ ...base, listenHost: "127.0.0.1" })).toMatchObject({ origin: null, problem: "loopback-only" });
    expect(joinAddress({ ...base, listenHost: "0.0.0.0" }).origin).toBe("http://192.168.1.20:2567");
  });

  it("when the server is bound to one LAN address / offers only that one", () => {
    expect(joinAddress({ ...base, listenHost: "10.0.5.7" })).toMatchObject({ origin: "http://10.0.5.7:2567", alternatives: [] });
  });

  it("recognises every spelling of this computer", () => {
    for (const host of ["localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0.0.0.0"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["192.168.1.20", "example.org", "10.0.0.1"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});
