package org.topupkiosk.app;

import org.topupkiosk.flow.core.ThreadFlowExecutor;

/**
 * A child JVM for {@code FailurePolicyProcessTest}: installs the kiosk's uncaught-exception policy as {@link KioskMain}
 * does, then lets a flow task throw an {@link Error}. The process must end with {@link FailurePolicy#EXIT_ON_ERROR}; if
 * the Error were logged and survived, it would end with 0 after ten seconds.
 */
public final class ErrorExitChild {

    private ErrorExitChild() {}

    public static void main(String[] args) throws InterruptedException {
        FailurePolicy.install(System::exit);
        ThreadFlowExecutor flow = new ThreadFlowExecutor();
        flow.execute(() -> {
            throw new InternalError("simulated: the JVM is in trouble");
        });
        Thread.sleep(10_000);
        System.exit(0);
    }
}
