package io.nfvflow.engine.wiring;

import io.nfvflow.engine.cluster.NodeIdentity;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes back, at start, the jobs this node had locked when it died (kill -9, power loss), so that
 * its interrupted operations go on at once instead of after Camunda's lock time (5 minutes).
 *
 * <p>The job executor locks a job with its lock owner and an expiry; a node that dies keeps its
 * jobs locked until then. Here the lock owner is the node's stable identity — {@code
 * nfvflow.node-id}, by default {@code <host name>:<server port>}, which no two live nodes share —
 * and at start, before the job executor acquires anything, the jobs locked under that identity
 * before this process started (their lock expires earlier than any lock this process can take) are
 * unlocked. Other nodes' locks are never touched: in a cluster a dead node's jobs go to the others
 * when its locks expire, or to itself when it comes back.
 */
@Component
public class JobLockRecovery extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JobLockRecovery.class);

  private final String nodeId;
  private final DataSource dataSource;
  private long lockTimeMillis;

  public JobLockRecovery(
      @Value("${nfvflow.node-id:}") String configured,
      @Value("${server.port:9890}") int port,
      DataSource dataSource) {
    this.nodeId = NodeIdentity.of(configured, port);
    this.dataSource = dataSource;
  }

  /** This node's identity: the job executor's lock owner. */
  public String nodeId() {
    return nodeId;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getJobExecutor().setLockOwner(nodeId);
    lockTimeMillis = configuration.getJobExecutor().getLockTimeInMillis();
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // any lock this process takes expires at or after its start + the lock time
    Timestamp before =
        new Timestamp(ManagementFactory.getRuntimeMXBean().getStartTime() + lockTimeMillis);
    int released = release(before);
    if (released > 0) {
      log.info(
          "node {}: took back {} job(s) it had locked before it stopped; they run now",
          nodeId,
          released);
    }
  }

  int release(Timestamp lockedBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE ACT_RU_JOB SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL"
                    + " WHERE LOCK_OWNER_ = ? AND LOCK_EXP_TIME_ < ?")) {
      s.setString(1, nodeId);
      s.setTimestamp(2, lockedBefore);
      int n = s.executeUpdate();
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return n;
    } catch (SQLException e) {
      // not fatal: the jobs still run once their locks expire
      log.warn(
          "node {}: could not take back its jobs locked before it stopped: {}",
          nodeId,
          e.getMessage());
      return 0;
    }
  }
}
