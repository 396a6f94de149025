/**
 * The device simulator: simulated tractors publish usage reports over MQTT v5 as the device
 * contract says, and the run reports exactly what the broker confirmed, for load and reliability
 * tests. Start with {@link dev.furrow.simulator.Simulator#run} or the {@link
 * dev.furrow.simulator.SimulatorMain} command.
 */
package dev.furrow.simulator;
