package io.autodial.node.compliance.dnc;

import io.autodial.http.dnc.DncEntryRequest;
import io.autodial.http.dnc.DncFailure;
import io.autodial.http.dnc.DncHitView;
import io.autodial.http.dnc.DncService;
import io.autodial.http.dnc.RegistryImportView;
import io.autodial.http.dnc.RegistryStatusView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The DNC routes' view of {@link DncLists}: blocking work on the node's blocking executor, bad input as {@link DncFailure}. */
public final class DncServiceImpl implements DncService {
  private final DncLists lists;
  private final Executor blocking;
  private final Clock clock;

  public DncServiceImpl(DncLists lists, Executor blocking, Clock clock) {
    this.lists = lists;
    this.blocking = blocking;
    this.clock = clock;
  }

  @Override
  public CompletionStage<DncHitView> add(DncEntryRequest request, String actor) {
    return blocking(() -> {
      String e164 = e164(request.phone());
      lists.add(e164, request.campaignId(), DncSource.API, request.note(), actor);
      return view(e164, lists.check(e164, blankToNull(request.campaignId())).orElseThrow());
    });
  }

  @Override
  public CompletionStage<Boolean> remove(String phone, String campaignId, String actor) {
    return blocking(() -> lists.remove(e164(phone), campaignId, actor));
  }

  @Override
  public CompletionStage<Optional<DncHitView>> check(String phone, String campaignId) {
    String e164 = e164(phone); // no I/O: answered on the calling thread
    return CompletableFuture.completedFuture(lists.check(e164, blankToNull(campaignId)).map(hit -> view(e164, hit)));
  }

  @Override
  public CompletionStage<RegistryImportView> importRegistry(Path file, LocalDate registryDate, String actor) {
    return blocking(() -> {
      try {
        return view(lists.startRegistryImport(file, registryDate, actor, true));
      } catch (RegistryImports.ImportRunning e) {
        throw new DncFailure(DncFailure.Kind.CONFLICT, e.getMessage());
      }
    });
  }

  @Override
  public CompletionStage<Optional<RegistryImportView>> registryImport(long importId) {
    return blocking(() -> lists.registryImport(importId).map(DncServiceImpl::view));
  }

  @Override
  public CompletionStage<RegistryStatusView> registryStatus() {
    RegistryStatus s = lists.registryStatus(clock.instant());
    return CompletableFuture.completedFuture(
        new RegistryStatusView(s.registryDate(), s.importId(), s.count(), s.importedAt(), s.stale(), s.warning()));
  }

  private static String e164(String phone) {
    long key = PhoneKeys.parse(phone);
    if (key < 0) throw new DncFailure(DncFailure.Kind.INVALID, "phone '" + phone + "': " + PhoneKeys.reason(key));
    return PhoneKeys.toE164(key);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static DncHitView view(String e164, DncHit hit) {
    return new DncHitView(e164, hit.kind().name(), hit.campaignId(), hit.since(), hit.source());
  }

  private static RegistryImportView view(RegistryImportState s) {
    return new RegistryImportView(
        s.id(), s.state().name(), s.phase(), s.registryDate(), s.linesRead(), s.numbersLoaded(), s.duplicates(), s.rejected(),
        s.firstRejected().stream().map(r -> new RegistryImportView.Rejected(r.line(), r.reason())).toList(),
        s.startedAt(), s.finishedAt(), s.failure());
  }

  private <T> CompletionStage<T> blocking(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, blocking);
  }
}
