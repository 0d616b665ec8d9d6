package io.nfvflow.vim.openstack;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * How a template refers to the networks and images the top-level template creates. The top level
 * uses {@code get_resource}; a scaling group's nested template cannot see its parent's resources,
 * so it takes each as a parameter of the same name, which the group passes in.
 */
final class HotRefs {

  private final boolean nested;
  private final LinkedHashSet<String> passedIn = new LinkedHashSet<>();

  private HotRefs(boolean nested) {
    this.nested = nested;
  }

  static HotRefs topLevel() {
    return new HotRefs(false);
  }

  static HotRefs nested() {
    return new HotRefs(true);
  }

  /** A reference to a top-level resource, from this template. */
  Object resource(String name) {
    if (!nested) {
      return HotTemplate.getResource(name);
    }
    passedIn.add(name);
    return HotTemplate.getParam(name);
  }

  /** The top-level resources a nested template takes as parameters, in first-use order. */
  List<String> passedIn() {
    return List.copyOf(passedIn);
  }
}
