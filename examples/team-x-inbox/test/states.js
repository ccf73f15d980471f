// Team X's own provider states, beside the stub's vocabulary (tim-marks-stub verify --list-states):
// a name → async (params, control) => values for Pact's provider-state injection (or nothing).
// `control` reaches the stub's control plane: seed, fault, call (an API command as the app admin),
// providerState (a state of the vocabulary), request (any /__stub/ route).
export default {
  '{user} is a customer of team x': async ({ user }, control) => {
    await control.seed({ accounts: [user] });
    return { user };
  },
};
