import { describe, expect, it } from "vitest";
import { makeUser } from "../../tests/factories";
import { recordSignIn } from "./devices.server";

const phone =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile Safari/604.1";

describe("sign-ins from new devices", () => {
  it("warns of a new device, not of the account's first one nor of a known one", async () => {
    const { user } = await makeUser({ email: "apparaat@test.example" });
    const first = recordSignIn({
      method: "wachtwoord",
      userId: user.id,
      deviceId: null,
      userAgent: null,
      clientAddress: "192.0.2.1",
    });
    expect(first.notice).toBeNull();
    expect(first.deviceId).toMatch(/^[a-z0-9]{20,}$/);
    const again = recordSignIn({
      method: "wachtwoord",
      userId: user.id,
      deviceId: first.deviceId,
      userAgent: null,
      clientAddress: null,
    });
    expect(again).toEqual({ deviceId: first.deviceId, notice: null });

    const other = recordSignIn({
      method: "wachtwoord",
      userId: user.id,
      deviceId: null,
      userAgent: phone,
      clientAddress: "198.51.100.4",
    });
    expect(other.notice).toMatchObject({
      to: { address: "apparaat@test.example" },
      device: "Safari op iPhone",
      clientAddress: "198.51.100.4",
    });
  });

  it("does not take a device id it did not make", async () => {
    const { user } = await makeUser({ email: "apparaat@test.example" });
    const result = recordSignIn({
      method: "wachtwoord",
      userId: user.id,
      deviceId: "<script>",
      userAgent: null,
      clientAddress: null,
    });
    expect(result.deviceId).not.toBe("<script>");
  });
});
