package io.nfvflow.workflows;

import java.util.List;

/** The activity ids and bean calls of the OpenStack children, for tests that walk through them. */
final class OpenstackPaths {

  /** The whole of vnf-instantiate-openstack when the stack is complete at the first check. */
  static final String[] INSTANTIATE = {"CreateStack", "CheckStackCreated", "ReadStackOutputs"};

  static final List<String> INSTANTIATE_CALLS =
      List.of("createStackDelegate", "checkStackCreatedDelegate", "readStackOutputsDelegate");

  /** The whole of vnf-terminate-openstack when the stack is gone at the first check. */
  static final String[] TERMINATE = {"DeleteStack", "CheckStackDeleted"};

  static final List<String> TERMINATE_CALLS =
      List.of("deleteStackDelegate", "checkStackDeletedDelegate");

  private OpenstackPaths() {}
}
