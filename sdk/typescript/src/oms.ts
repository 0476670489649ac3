// OMS messages, enums and service descriptors (generated; see src/gen/oms/v1).
export * from "./gen/oms/v1/dead_letter_pb.js";
export * from "./gen/oms/v1/events_pb.js";
export * from "./gen/oms/v1/order_pb.js";
export * from "./gen/oms/v1/upload_pb.js";
export * from "./gen/oms/v1/webhook_pb.js";
