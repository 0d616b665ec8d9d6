package io.nfvflow.engine.tacker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class JsonSuffixFilterTest {

  private final JsonSuffixFilter filter = new JsonSuffixFilter();

  @Test
  void forwardsTackerPathsWithoutTheSuffixKeepingTheQuery() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1.0/vims.json");
    request.setQueryString("name=k8s&fields=id");
    request.addParameter("name", "k8s");
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();

    filter.doFilter(request, response, chain);

    assertThat(response.getForwardedUrl()).isEqualTo("/v1.0/vims");
    assertThat(chain.getRequest()).isNull();
    assertThat(request.getParameter("name")).isEqualTo("k8s");
  }

  @Test
  void leavesOtherPathsAlone() throws Exception {
    for (String path : new String[] {"/v1.0/vims", "/engine-rest/x.json", "/app/data.json"}) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
      MockHttpServletResponse response = new MockHttpServletResponse();
      MockFilterChain chain = new MockFilterChain();
      filter.doFilter(request, response, chain);
      assertThat(response.getForwardedUrl()).as(path).isNull();
      assertThat(chain.getRequest()).as(path).isSameAs(request);
    }
  }
}
