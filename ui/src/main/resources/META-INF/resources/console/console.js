// nfvflow's web console: signs in at the identity API (the same token the tacker CLI uses), keeps
// the token for this browser tab only (sessionStorage) and sends it as X-Auth-Token.
"use strict";

const KEY = "nfvflow.token";
const $ = (id) => document.getElementById(id);

function session() {
  const raw = sessionStorage.getItem(KEY);
  return raw ? JSON.parse(raw) : null;
}

async function signIn(user, password) {
  const body = {
    auth: {
      identity: {
        methods: ["password"],
        password: { user: { name: user, domain: { name: "Default" }, password: password } },
      },
    },
  };
  const answer = await fetch("/identity/v3/auth/tokens", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = await answer.json().catch(() => ({}));
  if (answer.status !== 201) {
    throw new Error((json.error && json.error.message) || "Sign-in failed (HTTP " + answer.status + ")");
  }
  const token = json.token;
  sessionStorage.setItem(KEY, JSON.stringify({
    token: answer.headers.get("X-Subject-Token"),
    user: token.user.name,
    roles: token.roles.map((r) => r.name),
    expires: token.expires_at,
  }));
}

async function signOut() {
  const s = session();
  sessionStorage.removeItem(KEY);
  if (s) {
    await fetch("/identity/v3/auth/tokens", {
      method: "DELETE",
      headers: { "X-Auth-Token": s.token, "X-Subject-Token": s.token },
    }).catch(() => {});
  }
  show();
}

// a GET of the API with the token; back to the sign-in form when the token is no longer valid
async function api(path) {
  const s = session();
  const answer = await fetch(path, { headers: { "X-Auth-Token": s.token, Accept: "application/json" } });
  const json = await answer.json().catch(() => ({}));
  if (answer.status === 401) {
    sessionStorage.removeItem(KEY);
    show((json.TackerError && json.TackerError.message) || "Your session ended: sign in again");
    throw new Error("signed out");
  }
  if (!answer.ok) {
    throw new Error((json.TackerError && json.TackerError.message) || "HTTP " + answer.status);
  }
  return json;
}

function fill(tbody, rows) {
  tbody.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const value of row) {
      const td = document.createElement("td");
      td.textContent = value == null ? "" : String(value);
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
}

async function refresh() {
  $("api-error").textContent = "";
  try {
    const [vnfs, vims] = await Promise.all([api("/v1.0/vnfs"), api("/v1.0/vims")]);
    fill($("vnfs"), vnfs.vnfs.map((v) => [
      v.name, v.status, v.lcm_operation ? v.lcm_operation.operation + " " + v.lcm_operation.state : "",
      v.mgmt_ip_address, v.id]));
    fill($("vims"), vims.vims.map((v) => [v.name, v.type, v.status, v.is_default ? "yes" : "", v.id]));
  } catch (e) {
    if (e.message !== "signed out") {
      $("api-error").textContent = e.message;
    }
  }
}

function show(message) {
  const s = session();
  $("login").hidden = !!s;
  $("session").hidden = !s;
  $("login-error").textContent = message || "";
  if (!s) {
    return;
  }
  $("who").textContent = s.user;
  $("roles").textContent = s.roles.join(", ") || "no nfvflow role";
  $("expires").textContent = new Date(s.expires).toLocaleString();
  const base = window.location.origin;
  $("cli").textContent =
    "export OS_TOKEN=<the token>\n" +
    "tacker --os-auth-strategy noauth --os-token $OS_TOKEN --os-url " + base + " vnf-list\n" +
    "curl -H \"X-Auth-Token: $OS_TOKEN\" " + base + "/v1.0/vnfs";
  refresh();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("login-error").textContent = "";
  try {
    await signIn($("user").value, $("password").value);
    $("password").value = "";
    show();
  } catch (e) {
    show(e.message);
  }
});
$("logout").addEventListener("click", signOut);
$("refresh").addEventListener("click", refresh);
$("copy").addEventListener("click", () => navigator.clipboard.writeText(session().token));

show();
