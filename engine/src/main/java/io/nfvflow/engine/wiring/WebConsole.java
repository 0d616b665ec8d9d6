package io.nfvflow.engine.wiring;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The web console (the ui module's files under {@code /console/}) opens at {@code /console}. */
@Configuration
public class WebConsole implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/console", "/console/index.html");
    registry.addRedirectViewController("/console/", "/console/index.html");
  }
}
