package io.nfvflow.tosca;

/**
 * One trigger of a {@code tosca.policies.tacker.Alarming} policy whose action is a Scaling policy:
 * when the alarm fires, the VNF scales that policy out or in.
 *
 * @param alarmingPolicy the Alarming policy's name
 * @param name the trigger's name (the path segment of its alarm URL, and the VNF attribute key)
 * @param scalingPolicy the Scaling policy its action names
 * @param out {@code true} to scale out ({@code comparison_operator} gt or ge), {@code false} to
 *     scale in (lt or le); Tacker scaled out on gt only, so its ge scaled in
 * @param metric the metric the alarm watches (for the operator; nfvflow does not evaluate it)
 */
public record AlarmTrigger(
    String alarmingPolicy, String name, String scalingPolicy, boolean out, String metric) {

  /** The action as Tacker spelled it in the alarm URL: {@code <policy>-out} or {@code -in}. */
  public String action() {
    return scalingPolicy + (out ? "-out" : "-in");
  }
}
