package io.nfvflow.engine.event;

import org.springframework.data.jpa.repository.JpaRepository;

/** Event rows. */
public interface EventRepository extends JpaRepository<EventEntity, Long> {}
