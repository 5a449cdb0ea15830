package org.topupkiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.topupkiosk.domain.Lang;
import org.topupkiosk.flow.core.FlowSnapshot;
import org.topupkiosk.flow.core.Screen;

/** The adapter's hand-off, with a queue standing in for the FX thread so the test decides when it runs. */
class FlowUiAdapterTest {

    private final ArrayDeque<Runnable> fxQueue = new ArrayDeque<>();

    private void runFx() {
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
    }

    @Test
    void showsTheCurrentSnapshotFirst() {
        FakeFlow flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        FlowUiAdapter adapter = new FlowUiAdapter(flow, fxQueue::add);
        assertThat(adapter.snapshot()).as("nothing before the FX thread runs").isNull();
        runFx();
        assertThat(adapter.snapshot().screen()).isEqualTo(Screen.IDLE);
    }

    @Test
    void aBurstBeforeTheFxThreadRunsShowsOnlyTheNewest() {
        FakeFlow flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        FlowUiAdapter adapter = new FlowUiAdapter(flow, fxQueue::add);
        List<FlowSnapshot> seen = new ArrayList<>();
        adapter.snapshotProperty().addListener((obs, old, s) -> seen.add(s));
        flow.push(Snapshots.of(Screen.LANGUAGE, Lang.RU));
        flow.push(Snapshots.of(Screen.NUMBER_ENTRY, Lang.EN));
        FlowSnapshot newest = Snapshots.of(Screen.CASH_INSERTION, Lang.ZH);
        flow.push(newest);
        assertThat(fxQueue).as("one drain queued for the whole burst").hasSize(1);
        runFx();
        assertThat(seen).containsExactly(newest);
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        FlowSnapshot older = Snapshots.of(Screen.NUMBER_ENTRY, Lang.EN);
        FlowSnapshot newer = Snapshots.of(Screen.CHECKING_NUMBER, Lang.EN);
        FakeFlow flow = new FakeFlow(older);
        FlowUiAdapter adapter = new FlowUiAdapter(flow, fxQueue::add);
        flow.push(newer);
        flow.push(older); // a late delivery, e.g. the initial current() racing a publish
        runFx();
        assertThat(adapter.snapshot()).isSameAs(newer);
        flow.push(older);
        runFx();
        assertThat(adapter.snapshot()).isSameAs(newer);
    }

    @Test
    void eachLaterSnapshotIsShownWhenTheFxThreadKeepsUp() {
        FakeFlow flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        FlowUiAdapter adapter = new FlowUiAdapter(flow, fxQueue::add);
        runFx();
        for (Screen screen : List.of(Screen.LANGUAGE, Screen.NUMBER_ENTRY, Screen.DONE)) {
            flow.push(Snapshots.of(screen, Lang.EN));
            runFx();
            assertThat(adapter.snapshot().screen()).isEqualTo(screen);
        }
    }

    @Test
    void closingUnsubscribes() throws Exception {
        FakeFlow flow = new FakeFlow(Snapshots.of(Screen.IDLE, Lang.RU));
        FlowUiAdapter adapter = new FlowUiAdapter(flow, fxQueue::add);
        assertThat(flow.subscribers()).isEqualTo(1);
        adapter.close();
        assertThat(flow.subscribers()).isZero();
    }
}
