/**
 * The fleet office: it subscribes to every kiosk's state, events and acknowledgements through the broker, keeps them
 * in a view model ({@link org.topupkiosk.fleet.office.FleetBoard}), watches each kiosk's audit chain from outside
 * ({@link org.topupkiosk.fleet.office.AuditWatch}), signs and publishes commands
 * ({@link org.topupkiosk.fleet.office.FleetOffice}) and serves the operator's web page with server-sent events
 * ({@link org.topupkiosk.fleet.office.OfficeWeb}). It runs off the kiosk and knows only the fleet's wire.
 */
package org.topupkiosk.fleet.office;
