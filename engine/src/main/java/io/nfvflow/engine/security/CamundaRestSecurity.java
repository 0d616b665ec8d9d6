package io.nfvflow.engine.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda REST runs as the caller: after Spring Security authenticated the request (token or basic,
 * and the access rules allowed it), Camunda's own filter makes that user — with its groups and
 * tenants — the engine's authenticated user for the request, so Camunda's authorizations apply.
 */
@Configuration
public class CamundaRestSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> camundaRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-auth");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityUser.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}
