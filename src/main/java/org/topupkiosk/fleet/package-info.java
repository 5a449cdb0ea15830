/**
 * The fleet's wire: what a kiosk and the office say to each other through an MQTT broker. Topics
 * ({@link org.topupkiosk.fleet.FleetTopics}), the JSON messages (state, events, commands, acknowledgements) and the
 * office's Ed25519 command signature. Both sides use these records and nothing else of each other: the kiosk's agent
 * lives in {@code fleet.kiosk}, the office in {@code fleet.office}.
 */
package org.topupkiosk.fleet;
