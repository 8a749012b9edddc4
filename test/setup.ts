// Silences the AWS SDK's Node-version notice (see NOTES.md); the SDK pins work on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
