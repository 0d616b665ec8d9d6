package io.nfvflow.engine.vim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/cluster} (admin): this node's identity, and which node holds each VIM's
 * lease (runs its watch, survey and monitors), with the lease's expiry as the database stores it.
 */
@Component
@Endpoint(id = "cluster")
public class ClusterEndpoint {

  private final VimLeases leases;
  private final VimWatches watches;

  public ClusterEndpoint(VimLeases leases, VimWatches watches) {
    this.leases = leases;
    this.watches = watches;
  }

  @ReadOperation
  public Map<String, Object> cluster() {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("node", leases.node());
    answer.put("lease_time_seconds", leases.leaseTime().toSeconds());
    List<Map<String, Object>> rows =
        leases.leases().stream()
            .map(
                l -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("vim_id", l.vimId());
                  row.put("holder", l.holder());
                  row.put("expires_at_epoch_ms", l.expiresAt());
                  row.put("taken_at_epoch_ms", l.takenAt());
                  row.put("held_here", leases.holds(l.vimId()));
                  row.put("watched_here", watches.watching(l.vimId()));
                  return row;
                })
            .toList();
    answer.put("leases", rows);
    return answer;
  }
}
