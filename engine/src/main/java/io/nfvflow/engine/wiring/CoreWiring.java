package io.nfvflow.engine.wiring;

import io.nfvflow.engine.vnf.LcmSettings;
import io.nfvflow.tosca.ToscaParser;
import io.nfvflow.vim.VimDriver;
import io.nfvflow.vim.VimDrivers;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans for the parts that know nothing about Spring. */
@Configuration
@EnableConfigurationProperties({LcmSettings.class, io.nfvflow.engine.vnf.HealSettings.class})
public class CoreWiring {

  @Bean
  ToscaParser toscaParser() {
    return new ToscaParser();
  }

  /** Every {@link VimDriver} bean, by type: adding a VIM type adds a driver bean, nothing else. */
  @Bean
  VimDrivers vimDrivers(List<VimDriver> drivers) {
    return new VimDrivers(drivers);
  }
}
