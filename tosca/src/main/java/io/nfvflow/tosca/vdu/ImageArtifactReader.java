package io.nfvflow.tosca.vdu;

import io.nfvflow.tosca.template.Inputs;
import io.nfvflow.tosca.template.KeyRules;
import io.nfvflow.tosca.template.NodeTemplate;
import io.nfvflow.tosca.template.Props;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reads a VM VDU's {@code artifacts}: at most one {@code tosca.artifacts.Deployment.Image.VM},
 * whose {@code file} is the URL of an image to create before the VM boots.
 */
final class ImageArtifactReader {

  private static final String IMAGE_VM = "tosca.artifacts.Deployment.Image.VM";
  private static final KeyRules ARTIFACT =
      KeyRules.keys("type", "file", "description")
          .unsupported(
              "artifact repositories and deploy paths are not supported",
              "repository",
              "deploy_path");

  private ImageArtifactReader() {}

  /** The image URL, or null when the VDU has no artifacts. */
  static String read(NodeTemplate node, Inputs inputs) {
    Props artifacts = Props.of(node.name(), "artifacts", node.section("artifacts"), inputs);
    String url = null;
    for (String name : artifacts.keys()) {
      if (url != null) {
        throw artifacts.invalid(name, "a VDU may have only one image artifact");
      }
      url = imageUrl(artifacts.child(name).check(ARTIFACT));
    }
    return url;
  }

  private static String imageUrl(Props artifact) {
    String type = artifact.requiredString("type");
    if (!type.equals(IMAGE_VM)) {
      throw artifact.unsupported(
          "type", "artifact type '" + type + "' is not supported (only " + IMAGE_VM + ")");
    }
    String file = artifact.requiredString("file");
    if (!isHttpUrl(file)) {
      throw artifact.invalid("file", "'" + file + "' is not an http or https URL");
    }
    return file;
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
