package io.nfvflow.vim;

/**
 * One resource on a VIM that belongs to a VNF.
 *
 * @param name the resource's name on the VIM
 * @param type its type, for example {@code Deployment} or {@code OS::Nova::Server}
 * @param id its id on the VIM (a Kubernetes uid, an OpenStack id)
 */
public record VimResource(String name, String type, String id) {}
