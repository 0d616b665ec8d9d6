package io.nfvflow.engine.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audit row: a resource reached a state. */
@Entity
@Table(name = "nfv_event", indexes = @Index(name = "ix_event_resource", columnList = "resourceId"))
public class EventEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String resourceType;
  private String resourceId;
  private String resourceState;
  private String eventType;
  private Instant timestamp;

  @Column(length = 4000)
  private String eventDetails;

  protected EventEntity() {}

  EventEntity(
      String resourceType, String resourceId, String state, String eventType, String details) {
    this.resourceType = resourceType;
    this.resourceId = resourceId;
    this.resourceState = state;
    this.eventType = eventType;
    this.timestamp = Instant.now();
    this.eventDetails = details == null ? "" : truncate(details);
  }

  private static String truncate(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
  }

  public Long getId() {
    return id;
  }

  public String getResourceType() {
    return resourceType;
  }

  public String getResourceId() {
    return resourceId;
  }

  public String getResourceState() {
    return resourceState;
  }

  public String getEventType() {
    return eventType;
  }

  public Instant getTimestamp() {
    return timestamp;
  }

  public String getEventDetails() {
    return eventDetails;
  }
}
