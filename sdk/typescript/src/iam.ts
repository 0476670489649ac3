// IAM messages, enums and service descriptors (generated; see src/gen/iam/v1). The services
// (ApiKeyService, TokenService) are served by IMS.
export * from "./gen/iam/v1/access_pb.js";
export * from "./gen/iam/v1/api_key_pb.js";
export * from "./gen/iam/v1/token_pb.js";
