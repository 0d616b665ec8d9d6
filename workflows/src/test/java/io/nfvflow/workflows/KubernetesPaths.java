package io.nfvflow.workflows;

import java.util.List;

/** The activity ids and bean calls of the Kubernetes children, for tests that walk through them. */
final class KubernetesPaths {

  /** vnf-instantiate-kubernetes up to (and including) entering WaitForWorkloads. */
  static final String[] CREATE = {
    "CreateConfigMaps", "CreateDeployments", "CreateServices", "CreateAutoscalers"
  };

  static final List<String> CREATE_CALLS =
      List.of(
          "createConfigMapsDelegate",
          "createDeploymentsDelegate",
          "createServicesDelegate",
          "createAutoscalersDelegate");

  /** vnf-terminate-kubernetes up to (and including) entering WaitForRemoval. */
  static final String[] DELETE = {
    "DeleteAutoscalers", "DeleteServices", "DeleteDeployments", "DeleteConfigMaps"
  };

  static final List<String> DELETE_CALLS =
      List.of(
          "deleteAutoscalersDelegate",
          "deleteServicesDelegate",
          "deleteDeploymentsDelegate",
          "deleteConfigMapsDelegate");

  /** The whole of vnf-terminate-kubernetes when everything is gone at the first check. */
  static final String[] TERMINATE = {
    "DeleteAutoscalers",
    "DeleteServices",
    "DeleteDeployments",
    "DeleteConfigMaps",
    "CheckWorkloadsGone"
  };

  static final List<String> TERMINATE_CALLS =
      List.of(
          "deleteAutoscalersDelegate",
          "deleteServicesDelegate",
          "deleteDeploymentsDelegate",
          "deleteConfigMapsDelegate",
          "checkWorkloadsGoneDelegate");

  private KubernetesPaths() {}
}
