// IMS messages, enums and service descriptors (generated; see src/gen/ims/v1).
export * from "./gen/ims/v1/category_pb.js";
export * from "./gen/ims/v1/common_pb.js";
export * from "./gen/ims/v1/events_pb.js";
export * from "./gen/ims/v1/hub_pb.js";
export * from "./gen/ims/v1/inventory_pb.js";
export * from "./gen/ims/v1/seller_pb.js";
export * from "./gen/ims/v1/sku_pb.js";
export * from "./gen/ims/v1/tenant_pb.js";
