package io.autodial.freeswitch.sim;

/** What connections and the API need from the running simulator. */
record SimulatorContext(SimulatorConfig config, SimScheduler scheduler, EventBus bus, EventFactory events,
                        ApiCommands api, AnswerToBridge answerToBridge) {}
