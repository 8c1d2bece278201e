package io.autodial.http.dnc;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the DNC routes need from the node. Phones may be E.164 or 10-digit US numbers. Stages fail
 * with {@link DncFailure} when the request cannot be done; any other failure is a server error.
 * {@code actor} names the admin for the audit trail ({@code admin:<username>}).
 */
public interface DncService {
  /** Puts the number on the internal list (no campaignId) or the campaign's; answers what a check of it now finds. */
  CompletionStage<DncHitView> add(DncEntryRequest request, String actor);

  /** False when the number was not on that list (registry numbers cannot be removed). */
  CompletionStage<Boolean> remove(String phone, String campaignId, String actor);

  /** The first list that holds the number for that campaign (internal, campaign, registry). */
  CompletionStage<Optional<DncHitView>> check(String phone, String campaignId);

  /** Starts importing the registry file (the service deletes it when done); answers the RUNNING import. */
  CompletionStage<RegistryImportView> importRegistry(Path file, LocalDate registryDate, String actor);

  CompletionStage<Optional<RegistryImportView>> registryImport(long importId);

  CompletionStage<RegistryStatusView> registryStatus();
}
