package io.nfvflow.engine.vim;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Registered VIMs. */
public interface VimRepository extends JpaRepository<VimEntity, String> {

  Optional<VimEntity> findByName(String name);

  Optional<VimEntity> findFirstByIsDefaultTrue();

  /** The VIMs whose {@code neutron_vim_id} names the given OpenStack VIM. */
  List<VimEntity> findByNeutronVimId(String neutronVimId);
}
