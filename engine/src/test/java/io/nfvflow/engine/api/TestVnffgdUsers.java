package io.nfvflow.engine.api;

import io.nfvflow.engine.vnffgd.VnffgdUsers;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** VNFFGs "using" VNFFGDs as a test says, beside whatever the engine's own inventory knows. */
class TestVnffgdUsers implements VnffgdUsers {

  /** VNFFGD id to the VNFFGs (as a 409 names them) that use it. */
  final Map<String, List<String>> using = new ConcurrentHashMap<>();

  @Override
  public List<String> vnffgsOf(String vnffgdId) {
    return using.getOrDefault(vnffgdId, List.of());
  }
}
