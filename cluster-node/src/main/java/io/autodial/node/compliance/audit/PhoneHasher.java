package io.autodial.node.compliance.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash (HMAC-SHA256, lower-case hex) that stands for a phone number in the audit trail.
 * Keyed, not a plain SHA-256: the space of phone numbers is small enough to hash every one of
 * them, so without the key a hash would be as good as the number. The same E.164 number always
 * gives the same hash under one key, which is how "the audit of number X" is found.
 */
public final class PhoneHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public PhoneHasher(byte[] key) {
    if (key.length < 16) throw new IllegalArgumentException("the audit hash key needs at least 16 bytes");
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
  }

  /** The hash of an E.164 number; null for null. */
  public String hash(String e164) {
    if (e164 == null) return null;
    try {
      Mac mac = Mac.getInstance(ALGORITHM); // a Mac is not thread-safe: one per call
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(e164.trim().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** What replaces the number where a row must keep something in its place (call_log after an erasure). */
  public String erasedMarker(String e164) {
    return "erased:" + hash(e164).substring(0, 12);
  }
}
