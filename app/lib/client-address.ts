import { isIPv4, isIPv6 } from "node:net";

/**
 * The key a limit counts a client under. One home or office line has one IPv4 address but a whole
 * IPv6 /64 network, whose addresses its owner can change at will: an IPv6 client counts by its /64.
 * An IPv4 address written as IPv6 (::ffff:192.0.2.1) counts as that IPv4 address.
 */
export function clientAddressKey(address: string | undefined | null): string {
  const bare = (address ?? "").trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(bare)) return bare;
  if (isIPv6(bare)) return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
  return "onbekend";
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return groups.map((group) => (parseInt(group, 16) || 0).toString(16));
}
