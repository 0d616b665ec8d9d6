package io.nfvflow.engine.event;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes event rows, in the caller's transaction so that state and event commit together. */
@Component
public class EventLog {

  /** Resource types as the Tacker API names them. */
  public static final String VIM = "vim";

  public static final String VNFD = "vnfd";
  public static final String VNF = "vnf";

  private final EventRepository events;

  public EventLog(EventRepository events) {
    this.events = events;
  }

  /**
   * Records that a resource reached a state.
   *
   * @param eventType CREATE, UPDATE, DELETE, MONITOR, SCALE or HEAL
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void record(
      String resourceType, String resourceId, String state, String eventType, String details) {
    events.save(new EventEntity(resourceType, resourceId, state, eventType, details));
  }
}
