package io.nfvflow.tosca.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TOSCA {@code scalar-unit.size} values such as "512 MB" or "2 GiB". SI units are powers of ten and
 * IEC units powers of two, as the TOSCA specification says; units are case-insensitive, as
 * tosca-parser treats them.
 */
public final class ScalarSize {

  /** One mebibyte, the unit Nova counts memory in. */
  public static final BigInteger MIB = BigInteger.TWO.pow(20);

  /** One gibibyte, the unit Nova counts disk in. */
  public static final BigInteger GIB = BigInteger.TWO.pow(30);

  private static final Pattern SYNTAX =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]+)\\s*");

  private static final Map<String, BigInteger> UNITS =
      Map.of(
          "b", BigInteger.ONE,
          "kb", BigInteger.TEN.pow(3),
          "kib", BigInteger.TWO.pow(10),
          "mb", BigInteger.TEN.pow(6),
          "mib", MIB,
          "gb", BigInteger.TEN.pow(9),
          "gib", GIB,
          "tb", BigInteger.TEN.pow(12),
          "tib", BigInteger.TWO.pow(40));

  private ScalarSize() {}

  /**
   * The size in bytes.
   *
   * @throws IllegalArgumentException with the reason, when the text is not a positive size with a
   *     known unit or is not a whole number of bytes
   */
  public static BigInteger bytes(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size: expected a number and a unit, like '512 MB' or '2 GiB'");
    }
    BigInteger unit = UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
    if (unit == null) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' has an unknown unit '"
              + m.group(2)
              + "' (use B, kB, KiB, MB, MiB, GB, GiB, TB or TiB)");
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(new BigDecimal(unit));
    if (bytes.signum() <= 0) {
      throw new IllegalArgumentException("'" + text + "' must be more than zero");
    }
    try {
      return bytes.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of bytes");
    }
  }

  /** The size in whole units, rounded up so a VM never gets less than it asked for. */
  public static BigInteger ceil(BigInteger bytes, BigInteger unit) {
    return new BigDecimal(bytes)
        .divide(new BigDecimal(unit), 0, RoundingMode.CEILING)
        .toBigInteger();
  }
}
