// What the learner runtime's build puts where a lazy SDK package would be (build/learnerRuntimePlugin.ts):
// nothing. The worker provides the real package before learner code runs (learner.worker.ts).
export {};
