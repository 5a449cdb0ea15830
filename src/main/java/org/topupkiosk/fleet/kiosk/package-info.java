/**
 * The kiosk's side of the fleet (issue 15): {@link org.topupkiosk.fleet.kiosk.FleetAgent} (Paho client, retained
 * state with the Last Will, the telemetry outbox sent as events, signed commands), read from what the health endpoint
 * reads and driving the kiosk only through {@link org.topupkiosk.fleet.kiosk.KioskPort}, which the app implements on
 * the flow's thread. The flow knows nothing of the fleet.
 */
package org.topupkiosk.fleet.kiosk;
