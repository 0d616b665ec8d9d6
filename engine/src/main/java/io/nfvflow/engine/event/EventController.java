package io.nfvflow.engine.event;

import io.nfvflow.engine.tacker.TackerException;
import io.nfvflow.engine.tacker.TackerQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1.0/events}: the audit trail, filterable by any attribute. */
@RestController
@RequestMapping("/v1.0/events")
public class EventController {

  private final EventRepository events;

  public EventController(EventRepository events) {
    this.events = events;
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam MultiValueMap<String, String> params) {
    List<Map<String, Object>> views =
        events.findAll(Sort.by("id")).stream().map(EventController::view).toList();
    return Map.of("events", new TackerQuery(params).apply(views));
  }

  @GetMapping("/{id}")
  public Map<String, Object> show(
      @PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    EventEntity event = findEvent(id);
    return Map.of("event", new TackerQuery(params).project(view(event)));
  }

  private EventEntity findEvent(String id) {
    try {
      return events
          .findById(Long.parseLong(id))
          .orElseThrow(() -> TackerException.notFound("event", id));
    } catch (NumberFormatException e) {
      throw TackerException.notFound("event", id);
    }
  }

  static Map<String, Object> view(EventEntity e) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", e.getId());
    view.put("resource_type", e.getResourceType());
    view.put("resource_id", e.getResourceId());
    view.put("resource_state", e.getResourceState());
    view.put("event_type", e.getEventType());
    view.put("timestamp", e.getTimestamp().toString());
    view.put("event_details", e.getEventDetails());
    return view;
  }
}
