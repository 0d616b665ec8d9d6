package io.nfvflow.vim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** All VIM drivers, by type. Asking for an unknown type fails loudly. */
public class VimDrivers {

  private final Map<String, VimDriver> byType;

  public VimDrivers(List<VimDriver> drivers) {
    this.byType =
        drivers.stream()
            .collect(
                Collectors.toMap(
                    VimDriver::type,
                    Function.identity(),
                    (a, b) -> {
                      throw new IllegalStateException("two drivers for VIM type " + a.type());
                    },
                    TreeMap::new));
  }

  /**
   * The driver of a VIM type.
   *
   * @throws UnknownVimTypeException when no driver serves the type
   */
  public VimDriver driver(String type) {
    VimDriver driver = byType.get(type);
    if (driver == null) {
      throw new UnknownVimTypeException(type, byType.keySet());
    }
    return driver;
  }

  /** The VIM types nfvflow supports. */
  public java.util.Set<String> types() {
    return byType.keySet();
  }
}
