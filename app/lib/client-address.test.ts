import { describe, expect, it } from "vitest";
import { clientAddressKey } from "./client-address";

describe("the key a client is counted under", () => {
  it("is the IPv4 address, also when written as IPv6", () => {
    expect(clientAddressKey("192.0.2.10")).toBe("192.0.2.10");
    expect(clientAddressKey("::ffff:192.0.2.10")).toBe("192.0.2.10");
  });

  it("is the /64 network of an IPv6 address, however it is written", () => {
    const key = clientAddressKey("2001:db8:85a3:12::1");
    expect(key).toBe("2001:db8:85a3:12::/64");
    expect(clientAddressKey("2001:0db8:85a3:0012:ffff:ffff:ffff:fffe")).toBe(key);
    expect(clientAddressKey("2001:db8:85a3:13::1")).not.toBe(key);
    expect(clientAddressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("puts anything else under one key", () => {
    expect(clientAddressKey(undefined)).toBe("onbekend");
    expect(clientAddressKey("niet-een-adres")).toBe("onbekend");
  });
});
