// The STS client as the learner realm gets it: a file of its own beside the learner runtime,
// evaluated only by learner code that imports it (build/learnerRuntimePlugin.ts, sdkModules.ts).
export * from '@aws-sdk/client-sts';
