package io.nfvflow.engine.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link SecretBox}: its key found by {@link SecretKeys}, and checked against the database
 * (after its migrations) before anything uses it, so a node with the wrong key does not start.
 */
@Configuration
public class SecretWiring {

  private static final Logger LOG = LoggerFactory.getLogger(SecretWiring.class);

  @Bean
  SecretBox secretBox(Environment env, JdbcTemplate jdbc) {
    SecretBox box = new SecretBox(SecretKeys.load(env));
    new SecretKeyCheck(jdbc).verify(box);
    LOG.info("secret key: from {}; it opens the stored secrets", box.keySource());
    return box;
  }
}
