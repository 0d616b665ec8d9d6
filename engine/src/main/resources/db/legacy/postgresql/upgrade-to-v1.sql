-- Brings nfvflow's tables as `spring.jpa.hibernate.ddl-auto: update` made them (nfvflow before
-- Flyway) to exactly V1, keeping every row; then nfvflow records the schema as V1 (a Flyway
-- baseline) and migrates on from there. Run once, by nfvflow itself, only when the database has
-- nfvflow's tables but no schema history. Every statement may run on a table in any earlier
-- state: tables and columns an older version did not have are created, Hibernate's types for
-- long texts and enums become V1's, Hibernate's index names become V1's.

-- (large-object columns and Hibernate's enum check constraints are converted before this
-- script, by io.nfvflow.engine.schema.LegacySchema: they need a look at the catalog)

-- nfv_vim
create table if not exists nfv_vim (
  id varchar(255) not null,
  version bigint default 0 not null,
  name varchar(255) not null,
  description varchar(255),
  tenant_id varchar(255),
  type varchar(255),
  auth_url varchar(255),
  status varchar(255),
  is_default boolean not null,
  vim_project varchar(1000),
  public_credentials varchar(2000),
  sealed_secrets text,
  secret_keys varchar(255),
  regions varchar(4000),
  auto_heal boolean,
  neutron_vim_id varchar(255),
  created_at timestamp(6) with time zone,
  updated_at timestamp(6) with time zone,
  constraint pk_vim primary key (id),
  constraint uk_vim_name unique (name)
);
alter table nfv_vim add column if not exists version bigint default 0 not null;
alter table nfv_vim add column if not exists name varchar(255);
alter table nfv_vim add column if not exists description varchar(255);
alter table nfv_vim add column if not exists tenant_id varchar(255);
alter table nfv_vim add column if not exists type varchar(255);
alter table nfv_vim add column if not exists auth_url varchar(255);
alter table nfv_vim add column if not exists status varchar(255);
alter table nfv_vim add column if not exists is_default boolean default false not null;
alter table nfv_vim add column if not exists vim_project varchar(1000);
alter table nfv_vim add column if not exists public_credentials varchar(2000);
alter table nfv_vim add column if not exists sealed_secrets text;
alter table nfv_vim alter column sealed_secrets type text;
alter table nfv_vim add column if not exists secret_keys varchar(255);
alter table nfv_vim add column if not exists regions varchar(4000);
alter table nfv_vim add column if not exists auto_heal boolean;
alter table nfv_vim add column if not exists neutron_vim_id varchar(255);
alter table nfv_vim add column if not exists created_at timestamp(6) with time zone;
alter table nfv_vim add column if not exists updated_at timestamp(6) with time zone;

-- nfv_vnfd
create table if not exists nfv_vnfd (
  id varchar(255) not null,
  version bigint default 0 not null,
  name varchar(255) not null,
  description varchar(1000),
  tenant_id varchar(255),
  template_source varchar(255),
  template text,
  created_at timestamp(6) with time zone,
  updated_at timestamp(6) with time zone,
  constraint pk_vnfd primary key (id),
  constraint uk_vnfd_name unique (name)
);
alter table nfv_vnfd add column if not exists version bigint default 0 not null;
alter table nfv_vnfd add column if not exists name varchar(255);
alter table nfv_vnfd add column if not exists description varchar(1000);
alter table nfv_vnfd add column if not exists tenant_id varchar(255);
alter table nfv_vnfd add column if not exists template_source varchar(255);
alter table nfv_vnfd add column if not exists template text;
alter table nfv_vnfd alter column template type text;
alter table nfv_vnfd add column if not exists created_at timestamp(6) with time zone;
alter table nfv_vnfd add column if not exists updated_at timestamp(6) with time zone;

-- nfv_vnf
create table if not exists nfv_vnf (
  id varchar(255) not null,
  version bigint default 0 not null,
  name varchar(255) not null,
  description varchar(1000),
  tenant_id varchar(255),
  vnfd_id varchar(255),
  vim_id varchar(255),
  status varchar(32),
  error_reason varchar(4000),
  mgmt_ip_address varchar(4000),
  param_values text,
  alarm_urls text,
  auto_heal_suspended boolean,
  ns_id varchar(255),
  created_at timestamp(6) with time zone,
  updated_at timestamp(6) with time zone,
  constraint pk_vnf primary key (id),
  constraint uk_vnf_name unique (name)
);
alter table nfv_vnf add column if not exists version bigint default 0 not null;
alter table nfv_vnf add column if not exists name varchar(255);
alter table nfv_vnf add column if not exists description varchar(1000);
alter table nfv_vnf add column if not exists tenant_id varchar(255);
alter table nfv_vnf add column if not exists vnfd_id varchar(255);
alter table nfv_vnf add column if not exists vim_id varchar(255);
alter table nfv_vnf add column if not exists status varchar(32);
alter table nfv_vnf alter column status type varchar(32);
alter table nfv_vnf add column if not exists error_reason varchar(4000);
alter table nfv_vnf add column if not exists mgmt_ip_address varchar(4000);
alter table nfv_vnf add column if not exists param_values text;
alter table nfv_vnf alter column param_values type text;
alter table nfv_vnf add column if not exists alarm_urls text;
alter table nfv_vnf alter column alarm_urls type text;
alter table nfv_vnf add column if not exists auto_heal_suspended boolean;
alter table nfv_vnf add column if not exists ns_id varchar(255);
alter table nfv_vnf add column if not exists created_at timestamp(6) with time zone;
alter table nfv_vnf add column if not exists updated_at timestamp(6) with time zone;

-- nfv_vnf_scale
create table if not exists nfv_vnf_scale (
  id varchar(255) not null,
  version bigint default 0 not null,
  vnf_id varchar(255),
  policy varchar(255),
  instances integer not null,
  autoscaler_floor integer,
  constraint pk_vnf_scale primary key (id)
);
alter table nfv_vnf_scale add column if not exists version bigint default 0 not null;
alter table nfv_vnf_scale add column if not exists vnf_id varchar(255);
alter table nfv_vnf_scale add column if not exists policy varchar(255);
alter table nfv_vnf_scale add column if not exists instances integer default 0 not null;
alter table nfv_vnf_scale add column if not exists autoscaler_floor integer;

-- nfv_vnf_instance
create table if not exists nfv_vnf_instance (
  id varchar(255) not null,
  vnf_id varchar(255),
  position integer not null,
  vdu varchar(255),
  vim_instance_id varchar(255),
  name varchar(255),
  status varchar(255),
  addresses varchar(2000),
  ports varchar(4000),
  constraint pk_vnf_instance primary key (id)
);
alter table nfv_vnf_instance add column if not exists vnf_id varchar(255);
alter table nfv_vnf_instance add column if not exists position integer default 0 not null;
alter table nfv_vnf_instance add column if not exists vdu varchar(255);
alter table nfv_vnf_instance add column if not exists vim_instance_id varchar(255);
alter table nfv_vnf_instance add column if not exists name varchar(255);
alter table nfv_vnf_instance add column if not exists status varchar(255);
alter table nfv_vnf_instance add column if not exists addresses varchar(2000);
alter table nfv_vnf_instance add column if not exists ports varchar(4000);

-- nfv_lcm_operation
create table if not exists nfv_lcm_operation (
  id varchar(255) not null,
  version bigint default 0 not null,
  vnf_id varchar(255),
  subject varchar(32),
  operation varchar(32),
  state varchar(32),
  status_before varchar(32),
  process_definition_key varchar(255),
  process_instance_id varchar(255),
  scale_policy varchar(255),
  scale_from integer,
  scale_to integer,
  cause varchar(1000),
  error varchar(4000),
  heal_vdus varchar(2000),
  heal_instances varchar(2000),
  heal_selected text,
  heal_found varchar(2000),
  automatic boolean,
  changed_at timestamp(6) with time zone,
  started_at timestamp(6) with time zone,
  ended_at timestamp(6) with time zone,
  constraint pk_lcm_operation primary key (id)
);
alter table nfv_lcm_operation add column if not exists version bigint default 0 not null;
alter table nfv_lcm_operation add column if not exists vnf_id varchar(255);
alter table nfv_lcm_operation add column if not exists subject varchar(32);
alter table nfv_lcm_operation alter column subject type varchar(32);
alter table nfv_lcm_operation add column if not exists operation varchar(32);
alter table nfv_lcm_operation alter column operation type varchar(32);
alter table nfv_lcm_operation add column if not exists state varchar(32);
alter table nfv_lcm_operation alter column state type varchar(32);
alter table nfv_lcm_operation add column if not exists status_before varchar(32);
alter table nfv_lcm_operation alter column status_before type varchar(32);
alter table nfv_lcm_operation add column if not exists process_definition_key varchar(255);
alter table nfv_lcm_operation add column if not exists process_instance_id varchar(255);
alter table nfv_lcm_operation add column if not exists scale_policy varchar(255);
alter table nfv_lcm_operation add column if not exists scale_from integer;
alter table nfv_lcm_operation add column if not exists scale_to integer;
alter table nfv_lcm_operation add column if not exists cause varchar(1000);
alter table nfv_lcm_operation add column if not exists error varchar(4000);
alter table nfv_lcm_operation add column if not exists heal_vdus varchar(2000);
alter table nfv_lcm_operation add column if not exists heal_instances varchar(2000);
alter table nfv_lcm_operation add column if not exists heal_selected text;
alter table nfv_lcm_operation alter column heal_selected type text;
alter table nfv_lcm_operation add column if not exists heal_found varchar(2000);
alter table nfv_lcm_operation add column if not exists automatic boolean;
alter table nfv_lcm_operation add column if not exists changed_at timestamp(6) with time zone;
alter table nfv_lcm_operation add column if not exists started_at timestamp(6) with time zone;
alter table nfv_lcm_operation add column if not exists ended_at timestamp(6) with time zone;

-- nfv_event
create table if not exists nfv_event (
  id bigint generated by default as identity,
  resource_type varchar(255),
  resource_id varchar(255),
  resource_state varchar(255),
  event_type varchar(255),
  timestamp timestamp(6) with time zone,
  event_details varchar(4000),
  constraint pk_event primary key (id)
);
alter table nfv_event add column if not exists resource_type varchar(255);
alter table nfv_event add column if not exists resource_id varchar(255);
alter table nfv_event add column if not exists resource_state varchar(255);
alter table nfv_event add column if not exists event_type varchar(255);
alter table nfv_event add column if not exists timestamp timestamp(6) with time zone;
alter table nfv_event add column if not exists event_details varchar(4000);

-- nfv_vnffgd
create table if not exists nfv_vnffgd (
  id varchar(255) not null,
  name varchar(512) not null,
  description varchar(4000) not null,
  tenant_id varchar(255),
  template_source varchar(255) not null,
  template text not null,
  created_at timestamp(6) with time zone,
  constraint pk_vnffgd primary key (id),
  constraint uk_vnffgd_name unique (name)
);
alter table nfv_vnffgd add column if not exists name varchar(512);
alter table nfv_vnffgd add column if not exists description varchar(4000);
alter table nfv_vnffgd add column if not exists tenant_id varchar(255);
alter table nfv_vnffgd add column if not exists template_source varchar(255);
alter table nfv_vnffgd add column if not exists template text;
alter table nfv_vnffgd alter column template type text;
alter table nfv_vnffgd add column if not exists created_at timestamp(6) with time zone;

-- nfv_vnffg
create table if not exists nfv_vnffg (
  id varchar(255) not null,
  version bigint default 0 not null,
  name varchar(255) not null,
  description varchar(1000),
  tenant_id varchar(255),
  vnffgd_id varchar(255),
  vnf_mapping varchar(4000),
  param_values text,
  symmetrical boolean not null,
  neutron_vim_id varchar(255),
  status varchar(32),
  error_reason varchar(4000),
  follow_pending boolean,
  ns_id varchar(255),
  created_at timestamp(6) with time zone,
  updated_at timestamp(6) with time zone,
  constraint pk_vnffg primary key (id),
  constraint uk_vnffg_name unique (name)
);
alter table nfv_vnffg add column if not exists version bigint default 0 not null;
alter table nfv_vnffg add column if not exists name varchar(255);
alter table nfv_vnffg add column if not exists description varchar(1000);
alter table nfv_vnffg add column if not exists tenant_id varchar(255);
alter table nfv_vnffg add column if not exists vnffgd_id varchar(255);
alter table nfv_vnffg add column if not exists vnf_mapping varchar(4000);
alter table nfv_vnffg add column if not exists param_values text;
alter table nfv_vnffg alter column param_values type text;
alter table nfv_vnffg add column if not exists symmetrical boolean default false not null;
alter table nfv_vnffg add column if not exists neutron_vim_id varchar(255);
alter table nfv_vnffg add column if not exists status varchar(32);
alter table nfv_vnffg alter column status type varchar(32);
alter table nfv_vnffg add column if not exists error_reason varchar(4000);
alter table nfv_vnffg add column if not exists follow_pending boolean;
alter table nfv_vnffg add column if not exists ns_id varchar(255);
alter table nfv_vnffg add column if not exists created_at timestamp(6) with time zone;
alter table nfv_vnffg add column if not exists updated_at timestamp(6) with time zone;

-- nfv_vnffg_nfp
create table if not exists nfv_vnffg_nfp (
  id varchar(255) not null,
  vnffg_id varchar(255),
  name varchar(255),
  position integer not null,
  requested_path_id integer,
  path_id integer,
  symmetrical boolean not null,
  sfc_id varchar(255),
  port_chain_id varchar(255),
  chain text,
  constraint pk_vnffg_nfp primary key (id)
);
alter table nfv_vnffg_nfp add column if not exists vnffg_id varchar(255);
alter table nfv_vnffg_nfp add column if not exists name varchar(255);
alter table nfv_vnffg_nfp add column if not exists position integer default 0 not null;
alter table nfv_vnffg_nfp add column if not exists requested_path_id integer;
alter table nfv_vnffg_nfp add column if not exists path_id integer;
alter table nfv_vnffg_nfp add column if not exists symmetrical boolean default false not null;
alter table nfv_vnffg_nfp add column if not exists sfc_id varchar(255);
alter table nfv_vnffg_nfp add column if not exists port_chain_id varchar(255);
alter table nfv_vnffg_nfp add column if not exists chain text;
alter table nfv_vnffg_nfp alter column chain type text;

-- nfv_vnffg_classifier
create table if not exists nfv_vnffg_classifier (
  id varchar(255) not null,
  vnffg_id varchar(255),
  nfp_id varchar(255),
  name varchar(255),
  position integer not null,
  match_json text,
  flow_classifier_id varchar(255),
  constraint pk_vnffg_classifier primary key (id)
);
alter table nfv_vnffg_classifier add column if not exists vnffg_id varchar(255);
alter table nfv_vnffg_classifier add column if not exists nfp_id varchar(255);
alter table nfv_vnffg_classifier add column if not exists name varchar(255);
alter table nfv_vnffg_classifier add column if not exists position integer default 0 not null;
alter table nfv_vnffg_classifier add column if not exists match_json text;
alter table nfv_vnffg_classifier alter column match_json type text;
alter table nfv_vnffg_classifier add column if not exists flow_classifier_id varchar(255);

-- nfv_nsd
create table if not exists nfv_nsd (
  id varchar(255) not null,
  name varchar(512) not null,
  description varchar(4000) not null,
  tenant_id varchar(255),
  template_source varchar(255) not null,
  template text not null,
  vnfds varchar(4000) not null,
  created_at timestamp(6) with time zone,
  constraint pk_nsd primary key (id),
  constraint uk_nsd_name unique (name)
);
alter table nfv_nsd add column if not exists name varchar(512);
alter table nfv_nsd add column if not exists description varchar(4000);
alter table nfv_nsd add column if not exists tenant_id varchar(255);
alter table nfv_nsd add column if not exists template_source varchar(255);
alter table nfv_nsd add column if not exists template text;
alter table nfv_nsd alter column template type text;
alter table nfv_nsd add column if not exists vnfds varchar(4000);
alter table nfv_nsd add column if not exists created_at timestamp(6) with time zone;

-- nfv_ns
create table if not exists nfv_ns (
  id varchar(255) not null,
  version bigint default 0 not null,
  name varchar(255) not null,
  description varchar(4000),
  tenant_id varchar(255),
  nsd_id varchar(255),
  vim_id varchar(255),
  param_values text,
  status varchar(32),
  error_reason varchar(4000),
  created_at timestamp(6) with time zone,
  updated_at timestamp(6) with time zone,
  constraint pk_ns primary key (id),
  constraint uk_ns_name unique (name)
);
alter table nfv_ns add column if not exists version bigint default 0 not null;
alter table nfv_ns add column if not exists name varchar(255);
alter table nfv_ns add column if not exists description varchar(4000);
alter table nfv_ns add column if not exists tenant_id varchar(255);
alter table nfv_ns add column if not exists nsd_id varchar(255);
alter table nfv_ns add column if not exists vim_id varchar(255);
alter table nfv_ns add column if not exists param_values text;
alter table nfv_ns alter column param_values type text;
alter table nfv_ns add column if not exists status varchar(32);
alter table nfv_ns alter column status type varchar(32);
alter table nfv_ns add column if not exists error_reason varchar(4000);
alter table nfv_ns add column if not exists created_at timestamp(6) with time zone;
alter table nfv_ns add column if not exists updated_at timestamp(6) with time zone;

-- nfv_ns_member
create table if not exists nfv_ns_member (
  id varchar(255) not null,
  ns_id varchar(255) not null,
  kind varchar(32) not null,
  position integer not null,
  node varchar(255) not null,
  name varchar(255) not null,
  vnfd_id varchar(255),
  vim_id varchar(255),
  subject_id varchar(255),
  constraint pk_ns_member primary key (id)
);
alter table nfv_ns_member add column if not exists ns_id varchar(255);
alter table nfv_ns_member add column if not exists kind varchar(32);
alter table nfv_ns_member alter column kind type varchar(32);
alter table nfv_ns_member add column if not exists position integer default 0 not null;
alter table nfv_ns_member add column if not exists node varchar(255);
alter table nfv_ns_member add column if not exists name varchar(255);
alter table nfv_ns_member add column if not exists vnfd_id varchar(255);
alter table nfv_ns_member add column if not exists vim_id varchar(255);
alter table nfv_ns_member add column if not exists subject_id varchar(255);

-- nfv_secret_key_check
create table if not exists nfv_secret_key_check (
  id varchar(32) not null,
  sealed varchar(255) not null,
  created_at timestamp(6) with time zone not null,
  constraint pk_secret_key_check primary key (id)
);
alter table nfv_secret_key_check add column if not exists sealed varchar(255);
alter table nfv_secret_key_check add column if not exists created_at timestamp(6) with time zone;

-- indexes: V1 names them
drop index if exists IDX8x6htrckpyu45or9n0nyy9vjd;
drop index if exists IDXblxqyraow8pj4gvtl4dit90mm;
drop index if exists IDXptxgqg96lut5pmu5l3da0grsd;
drop index if exists IDXlt3vfdfuy74jqe27g5qmlddnj;
drop index if exists IDX7yqanu6coyyeak6ntmqlrpb1c;
drop index if exists IDXb2drq48phsenhos3o7tyyt9uu;
create index if not exists ix_vnf_scale_vnf on nfv_vnf_scale (vnf_id);
create index if not exists ix_vnf_instance_vnf on nfv_vnf_instance (vnf_id);
create index if not exists ix_lcm_operation_subject on nfv_lcm_operation (vnf_id);
create index if not exists ix_event_resource on nfv_event (resource_id);
create index if not exists ix_vnffg_nfp_vnffg on nfv_vnffg_nfp (vnffg_id);
create index if not exists ix_vnffg_classifier_vnffg on nfv_vnffg_classifier (vnffg_id);
create index if not exists ix_ns_member_ns on nfv_ns_member (ns_id);
create index if not exists ix_ns_member_subject on nfv_ns_member (subject_id);
