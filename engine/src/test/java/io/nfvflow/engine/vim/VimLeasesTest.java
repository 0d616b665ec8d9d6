package io.nfvflow.engine.vim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Two nodes on one database: each VIM's lease is held by one of them, taken over when its holder
 * stops renewing it, handed over at once on a clean stop, and given back at once to a node that
 * restarts under the same identity. Uses the real migration (V3) on H2.
 */
class VimLeasesTest {

  private static final Duration LEASE = Duration.ofMillis(400);

  private JdbcTemplate jdbc;
  private final List<Object> eventsA = new ArrayList<>();
  private final List<Object> eventsB = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:leases-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(ds);
    jdbc.execute("create table nfv_vim (id varchar(255) primary key, version bigint not null)");
    jdbc.execute(
        Files.readString(Path.of("src/main/resources/db/migration/common/V3__vim_leases.sql")));
    jdbc.update("insert into nfv_vim values ('vim-1', 0), ('vim-2', 0)");
  }

  private VimLeases node(String name, List<Object> events, boolean shared) {
    return new VimLeases(
        jdbc, TransactionOperations.withoutTransaction(), events::add, name, shared, LEASE);
  }

  @Test
  void oneNodeHoldsEachLeaseAndAnotherTakesItOverWhenItExpires() throws Exception {
    VimLeases a = node("a", eventsA, true);
    VimLeases b = node("b", eventsB, true);

    a.renew();
    b.renew();

    assertThat(a.held()).containsExactlyInAnyOrder("vim-1", "vim-2");
    assertThat(b.held()).isEmpty();
    assertThat(eventsA)
        .containsExactlyInAnyOrder(
            new VimLeases.Gained("vim-1", null), new VimLeases.Gained("vim-2", null));
    assertThat(eventsB).isEmpty();

    // a stops renewing (killed): b takes both once they expired, not before
    Thread.sleep(LEASE.toMillis() + 100);
    b.renew();
    assertThat(b.held()).containsExactlyInAnyOrder("vim-1", "vim-2");
    assertThat(eventsB)
        .containsExactlyInAnyOrder(
            new VimLeases.Gained("vim-1", "a"), new VimLeases.Gained("vim-2", "a"));
    assertThat(a.leases()).extracting(VimLeases.Lease::holder).containsOnly("b");

    // a was only paused (a long GC, a network split): at its next round it learns it lost them
    eventsA.clear();
    a.renew();
    assertThat(a.held()).isEmpty();
    assertThat(eventsA).hasSize(2).allMatch(e -> e instanceof VimLeases.Lost);
  }

  @Test
  void aLeaseHeldAndRenewedIsNeverTaken() throws Exception {
    VimLeases a = node("a", eventsA, true);
    VimLeases b = node("b", eventsB, true);
    a.renew();
    for (int i = 0; i < 5; i++) {
      Thread.sleep(LEASE.toMillis() / 3);
      a.renew();
      b.renew();
    }
    assertThat(a.held()).hasSize(2);
    assertThat(b.held()).isEmpty();
    assertThat(eventsA).hasSize(2); // gained once each, nothing since
  }

  @Test
  void aCleanStopHandsTheLeasesOverAtOnce() {
    VimLeases a = node("a", eventsA, true);
    VimLeases b = node("b", eventsB, true);
    a.renew();
    a.stop();
    b.renew();
    assertThat(b.held()).containsExactlyInAnyOrder("vim-1", "vim-2");
  }

  @Test
  void aNodeRestartedUnderItsIdentityGetsItsLeasesBackAtOnce() {
    node("a", eventsA, true).renew();
    List<Object> again = new ArrayList<>();
    VimLeases restarted =
        new VimLeases(
            jdbc, TransactionOperations.withoutTransaction(), again::add, "a", true, LEASE);
    restarted.renew();
    assertThat(restarted.held()).containsExactlyInAnyOrder("vim-1", "vim-2");
    assertThat(again)
        .containsExactlyInAnyOrder(
            new VimLeases.Gained("vim-1", "a"), new VimLeases.Gained("vim-2", "a"));
  }

  @Test
  void aSingleNodeOnItsOwnDatabaseTakesEveryLeaseAtOnce() {
    node("old-identity", eventsB, true).renew();
    VimLeases single = node("new-identity", eventsA, false);
    single.renew();
    assertThat(single.held()).containsExactlyInAnyOrder("vim-1", "vim-2");
  }

  @Test
  void aChangedVimIsRestartedAndADeletedOneLetGo() {
    VimLeases a = node("a", eventsA, true);
    a.renew();
    eventsA.clear();

    jdbc.update("update nfv_vim set version = 1 where id = 'vim-1'");
    jdbc.update("delete from nfv_vim where id = 'vim-2'");
    a.renew();

    assertThat(eventsA)
        .containsExactlyInAnyOrder(
            new VimLeases.Changed("vim-1"), new VimLeases.Lost("vim-2", "the VIM was deleted"));
    assertThat(a.leases()).extracting(VimLeases.Lease::vimId).containsExactly("vim-1");
  }

  @Test
  void theNodeWhereAVimIsRegisteredTakesItsLeaseAtOnceAndLetsGoWhenItIsDeleted() {
    VimLeases a = node("a", eventsA, true);
    VimLeases b = node("b", eventsB, true);
    a.renew();
    b.renew();
    jdbc.update("insert into nfv_vim values ('vim-3', 0)");

    b.changed(new VimChanged("vim-3", false));
    a.renew();
    assertThat(b.held()).containsExactly("vim-3");
    assertThat(a.held()).doesNotContain("vim-3");

    jdbc.update("update nfv_vim set version = 1 where id = 'vim-3'");
    b.changed(new VimChanged("vim-3", false));
    jdbc.update("delete from nfv_vim where id = 'vim-3'");
    b.changed(new VimChanged("vim-3", true));
    assertThat(eventsB)
        .containsExactly(
            new VimLeases.Gained("vim-3", null),
            new VimLeases.Changed("vim-3"),
            new VimLeases.Lost("vim-3", "the VIM was deleted"));
    assertThat(a.leases()).extracting(VimLeases.Lease::vimId).doesNotContain("vim-3");
  }

  @Test
  void aNodeThatCannotReachTheDatabaseGivesItsLeasesUpAfterALeaseTime() throws Exception {
    VimLeases a = node("a", eventsA, true);
    a.renew();
    eventsA.clear();
    jdbc.execute("alter table nfv_vim_lease rename to moved_away");
    a.renew(); // fails, but within the lease time: still held
    assertThat(a.held()).hasSize(2);
    Thread.sleep(LEASE.toMillis() + 50);
    a.renew();
    assertThat(a.held()).isEmpty();
    assertThat(eventsA).hasSize(2).allMatch(e -> e instanceof VimLeases.Lost);
  }
}
