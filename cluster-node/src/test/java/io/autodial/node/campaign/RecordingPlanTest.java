package io.autodial.node.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.autodial.node.call.Answering;
import io.autodial.node.compliance.ComplianceRules;
import io.autodial.node.compliance.RecordingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is recorded, and who hears the notice first, by campaign setting and the callee's state. */
class RecordingPlanTest {
  private static final String DIR = "/rec";

  private static CampaignSettings campaign(RecordingMode mode, Boolean noticeInAllPartyStates) {
    ComplianceRules rules = new ComplianceRules(null, null, null, null, null, null, null, null, null, null, null, null, mode, "notice.wav", null, noticeInAllPartyStates);
    return new CampaignSettings("c", "+12125550000", 1.0, 10, 20, List.of(), "", null, List.of(), null, null, rules);
  }

  private static Answering plan(CampaignSettings settings, String phone, String region) {
    return CustomerDials.answering(settings, "c-1", new CustomerDials.Callee("call-1", 7, phone, region), DIR);
  }

  @Test
  void offRecordsNobody() {
    assertThat(plan(campaign(RecordingMode.OFF, null), "+12125550101", null).recordingPath()).isNull();
  }

  @Test
  void onRecordsAndOnlyAllPartyConsentStatesHearTheNotice() {
    CampaignSettings on = campaign(RecordingMode.ON, null);
    Answering newYork = plan(on, "+12125550101", null); // the geocoder: New York, a one-party state
    assertThat(newYork.recordingPath()).isEqualTo("/rec/c-1/call-1.wav");
    assertThat(newYork.recordingNotice()).isNull();
    Answering california = plan(on, "+13105550101", null); // the geocoder: California
    assertThat(california.recordingNotice()).isEqualTo("notice.wav");
    Answering movedToFlorida = plan(on, "+12125550101", "US-FL"); // the lead's own region wins
    assertThat(movedToFlorida.recordingNotice()).isEqualTo("notice.wav");
    Answering tollFree = plan(on, "+18005550100", null); // no state to be found: the notice, to be safe
    assertThat(tollFree.recordingNotice()).isEqualTo("notice.wav");
  }

  @Test
  void allPartyConsentStatesCanBeLeftUnrecordedInstead() {
    CampaignSettings noNotice = campaign(RecordingMode.ON, false);
    assertThat(plan(noNotice, "+13105550101", null).recordingPath()).isNull();
    assertThat(plan(noNotice, "+12125550101", null).recordingPath()).isNotNull();
  }

  @Test
  void onWithNoticeTellsEveryone() {
    assertThat(plan(campaign(RecordingMode.ON_WITH_NOTICE, null), "+12125550101", null).recordingNotice()).isEqualTo("notice.wav");
  }
}
