// GENERATED from openapi/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:
// change the spec and run `npm run generate`.
// @ts-nocheck — Ajv standalone code (stops at the first error). Read through src/rules/.
/* eslint-disable */
/** An Ajv standalone validator: true when `data` is valid; otherwise `errors` holds the first error. */
export type SchemaValidator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
};
"use strict";
export const UserID: SchemaValidator = validate21;
const schema32 = {"type":"string","minLength":1,"x-max-bytes":32};
const func1 = exceedsMaxBytes;

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(data.length < 1){
validate21.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data, 32)){
validate21.errors = [{instancePath,schemaPath:"#/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate21.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const C2CContactItem: SchemaValidator = validate22;
const schema33 = {"type":"object","required":["Type","To_Account"],"properties":{"Type":{"type":"integer","const":1},"To_Account":{"$ref":"#/components/schemas/UserID"}}};

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.Type === undefined) && (missing0 = "Type")) || ((data.To_Account === undefined) && (missing0 = "To_Account"))){
validate22.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.Type !== undefined){
let data0 = data.Type;
const _errs1 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate22.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(1 !== data0){
validate22.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.To_Account !== undefined){
let data1 = data.To_Account;
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(data1.length < 1){
validate22.errors = [{instancePath:instancePath+"/To_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data1, 32)){
validate22.errors = [{instancePath:instancePath+"/To_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate22.errors = [{instancePath:instancePath+"/To_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate22.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":{"Type":true,"To_Account":true},"dynamicProps":false,"dynamicItems":false};

export const GroupContactItem: SchemaValidator = validate23;
const schema35 = {"type":"object","required":["Type","ToGroupId"],"properties":{"Type":{"type":"integer","const":2},"ToGroupId":{"type":"string","minLength":1,"x-max-bytes":48}}};

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.Type === undefined) && (missing0 = "Type")) || ((data.ToGroupId === undefined) && (missing0 = "ToGroupId"))){
validate23.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.Type !== undefined){
let data0 = data.Type;
const _errs1 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate23.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(2 !== data0){
validate23.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/properties/Type/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ToGroupId !== undefined){
let data1 = data.ToGroupId;
const _errs3 = errors;
if(errors === _errs3){
if(typeof data1 === "string"){
if(data1.length < 1){
validate23.errors = [{instancePath:instancePath+"/ToGroupId",schemaPath:"#/properties/ToGroupId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data1, 48)){
validate23.errors = [{instancePath:instancePath+"/ToGroupId",schemaPath:"#/properties/ToGroupId/x-max-bytes",keyword:"x-max-bytes",params:{limit: 48},message:"must be at most 48 UTF-8 bytes"}];
return false;
}
}
}
else {
validate23.errors = [{instancePath:instancePath+"/ToGroupId",schemaPath:"#/properties/ToGroupId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate23.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":{"Type":true,"ToGroupId":true},"dynamicProps":false,"dynamicItems":false};

export const ContactItem: SchemaValidator = validate24;
const schema36 = {"oneOf":[{"$ref":"#/components/schemas/C2CContactItem"},{"$ref":"#/components/schemas/GroupContactItem"}]};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs0 = errors;
let valid0 = false;
let passing0 = null;
const _errs1 = errors;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
var _valid0 = _errs1 === errors;
if(_valid0){
valid0 = true;
passing0 = 0;
var props0 = {};
props0.Type = true;
props0.To_Account = true;
}
const _errs2 = errors;
const _errs3 = errors;
if(errors === _errs3){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.Type === undefined) && (missing0 = "Type")) || ((data.ToGroupId === undefined) && (missing0 = "ToGroupId"))){
const err0 = {instancePath,schemaPath:"#/components/schemas/GroupContactItem/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.Type !== undefined){
let data0 = data.Type;
const _errs5 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
const err1 = {instancePath:instancePath+"/Type",schemaPath:"#/components/schemas/GroupContactItem/properties/Type/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(2 !== data0){
const err2 = {instancePath:instancePath+"/Type",schemaPath:"#/components/schemas/GroupContactItem/properties/Type/const",keyword:"const",params:{allowedValue: 2},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
var valid2 = _errs5 === errors;
}
else {
var valid2 = true;
}
if(valid2){
if(data.ToGroupId !== undefined){
let data1 = data.ToGroupId;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data1 === "string"){
if(data1.length < 1){
const err3 = {instancePath:instancePath+"/ToGroupId",schemaPath:"#/components/schemas/GroupContactItem/properties/ToGroupId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(func1(data1, 48)){
const err4 = {instancePath:instancePath+"/ToGroupId",schemaPath:"#/components/schemas/GroupContactItem/properties/ToGroupId/x-max-bytes",keyword:"x-max-bytes",params:{limit: 48},message:"must be at most 48 UTF-8 bytes"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/ToGroupId",schemaPath:"#/components/schemas/GroupContactItem/properties/ToGroupId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var valid2 = _errs7 === errors;
}
else {
var valid2 = true;
}
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/components/schemas/GroupContactItem/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
var _valid0 = _errs2 === errors;
if(_valid0 && valid0){
valid0 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid0 = true;
passing0 = 1;
if(props0 !== true){
props0 = props0 || {};
props0.Type = true;
props0.ToGroupId = true;
}
}
}
if(!valid0){
const err7 = {instancePath,schemaPath:"#/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
validate24.errors = vErrors;
return false;
}
else {
errors = _errs0;
if(vErrors !== null){
if(_errs0){
vErrors.length = _errs0;
}
else {
vErrors = null;
}
}
}
validate24.errors = vErrors;
evaluated0.props = props0;
return errors === 0;
}
validate24.evaluated = {"dynamicProps":true,"dynamicItems":false};

export const OptType: SchemaValidator = validate26;
const schema38 = {"type":"integer","enum":[1,2,3]};

function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate26.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!((typeof data == "number") && (!(data % 1) && !isNaN(data)))){
validate26.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(!(((data === 1) || (data === 2)) || (data === 3))){
validate26.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate26.errors = vErrors;
return errors === 0;
}
validate26.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const MarkPosition: SchemaValidator = validate27;
const schema39 = {"type":"integer","minimum":1,"maximum":64};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!((typeof data == "number") && (!(data % 1) && !isNaN(data)))){
validate27.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === 0){
if(typeof data == "number"){
if(data > 64 || isNaN(data)){
validate27.errors = [{instancePath,schemaPath:"#/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"}];
return false;
}
else {
if(data < 1 || isNaN(data)){
validate27.errors = [{instancePath,schemaPath:"#/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const CustomMark: SchemaValidator = validate28;
const schema40 = {"type":"string","x-max-bytes":256};

function validate28(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate28.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(func1(data, 256)){
validate28.errors = [{instancePath,schemaPath:"#/x-max-bytes",keyword:"x-max-bytes",params:{limit: 256},message:"must be at most 256 UTF-8 bytes"}];
return false;
}
}
else {
validate28.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate28.errors = vErrors;
return errors === 0;
}
validate28.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const MarkItem: SchemaValidator = validate29;
const schema41 = {"type":"object","required":["OptType","ContactItem"],"properties":{"OptType":{"$ref":"#/components/schemas/OptType"},"ContactItem":{"$ref":"#/components/schemas/ContactItem"},"SetMark":{"type":"array","maxItems":64,"items":{"$ref":"#/components/schemas/MarkPosition"}},"ClearMark":{"type":"array","maxItems":64,"items":{"$ref":"#/components/schemas/MarkPosition"}},"CustomMark":{"$ref":"#/components/schemas/CustomMark"}}};

function validate29(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate29.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.OptType === undefined) && (missing0 = "OptType")) || ((data.ContactItem === undefined) && (missing0 = "ContactItem"))){
validate29.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.OptType !== undefined){
let data0 = data.OptType;
const _errs1 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate29.errors = [{instancePath:instancePath+"/OptType",schemaPath:"#/components/schemas/OptType/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(!(((data0 === 1) || (data0 === 2)) || (data0 === 3))){
validate29.errors = [{instancePath:instancePath+"/OptType",schemaPath:"#/components/schemas/OptType/enum",keyword:"enum",params:{allowedValues: schema38.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ContactItem !== undefined){
const _errs4 = errors;
if(!(validate24(data.ContactItem, {instancePath:instancePath+"/ContactItem",parentData:data,parentDataProperty:"ContactItem",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.SetMark !== undefined){
let data2 = data.SetMark;
const _errs5 = errors;
if(errors === _errs5){
if(Array.isArray(data2)){
if(data2.length > 64){
validate29.errors = [{instancePath:instancePath+"/SetMark",schemaPath:"#/properties/SetMark/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
const _errs7 = errors;
const _errs8 = errors;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
validate29.errors = [{instancePath:instancePath+"/SetMark/" + i0,schemaPath:"#/components/schemas/MarkPosition/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs8){
if(typeof data3 == "number"){
if(data3 > 64 || isNaN(data3)){
validate29.errors = [{instancePath:instancePath+"/SetMark/" + i0,schemaPath:"#/components/schemas/MarkPosition/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"}];
return false;
}
else {
if(data3 < 1 || isNaN(data3)){
validate29.errors = [{instancePath:instancePath+"/SetMark/" + i0,schemaPath:"#/components/schemas/MarkPosition/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid2 = _errs7 === errors;
if(!valid2){
break;
}
}
}
}
else {
validate29.errors = [{instancePath:instancePath+"/SetMark",schemaPath:"#/properties/SetMark/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ClearMark !== undefined){
let data4 = data.ClearMark;
const _errs10 = errors;
if(errors === _errs10){
if(Array.isArray(data4)){
if(data4.length > 64){
validate29.errors = [{instancePath:instancePath+"/ClearMark",schemaPath:"#/properties/ClearMark/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items"}];
return false;
}
else {
var valid4 = true;
const len1 = data4.length;
for(let i1=0; i1<len1; i1++){
let data5 = data4[i1];
const _errs12 = errors;
const _errs13 = errors;
if(!((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5)))){
validate29.errors = [{instancePath:instancePath+"/ClearMark/" + i1,schemaPath:"#/components/schemas/MarkPosition/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs13){
if(typeof data5 == "number"){
if(data5 > 64 || isNaN(data5)){
validate29.errors = [{instancePath:instancePath+"/ClearMark/" + i1,schemaPath:"#/components/schemas/MarkPosition/maximum",keyword:"maximum",params:{comparison: "<=", limit: 64},message:"must be <= 64"}];
return false;
}
else {
if(data5 < 1 || isNaN(data5)){
validate29.errors = [{instancePath:instancePath+"/ClearMark/" + i1,schemaPath:"#/components/schemas/MarkPosition/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"}];
return false;
}
}
}
}
var valid4 = _errs12 === errors;
if(!valid4){
break;
}
}
}
}
else {
validate29.errors = [{instancePath:instancePath+"/ClearMark",schemaPath:"#/properties/ClearMark/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs10 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.CustomMark !== undefined){
let data6 = data.CustomMark;
const _errs15 = errors;
const _errs16 = errors;
if(errors === _errs16){
if(typeof data6 === "string"){
if(func1(data6, 256)){
validate29.errors = [{instancePath:instancePath+"/CustomMark",schemaPath:"#/components/schemas/CustomMark/x-max-bytes",keyword:"x-max-bytes",params:{limit: 256},message:"must be at most 256 UTF-8 bytes"}];
return false;
}
}
else {
validate29.errors = [{instancePath:instancePath+"/CustomMark",schemaPath:"#/components/schemas/CustomMark/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs15 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
}
else {
validate29.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate29.errors = vErrors;
return errors === 0;
}
validate29.evaluated = {"props":{"OptType":true,"ContactItem":true,"SetMark":true,"ClearMark":true,"CustomMark":true},"dynamicProps":false,"dynamicItems":false};

export const MarkContactRequest: SchemaValidator = validate31;
const schema46 = {"type":"object","required":["From_Account","MarkItem"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"MarkItem":{"type":"array","minItems":1,"maxItems":100,"items":{"$ref":"#/components/schemas/MarkItem"}}}};

function validate31(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate31.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.MarkItem === undefined) && (missing0 = "MarkItem"))){
validate31.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate31.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate31.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.MarkItem !== undefined){
let data1 = data.MarkItem;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length > 100){
validate31.errors = [{instancePath:instancePath+"/MarkItem",schemaPath:"#/properties/MarkItem/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
if(data1.length < 1){
validate31.errors = [{instancePath:instancePath+"/MarkItem",schemaPath:"#/properties/MarkItem/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate29(data1[i0], {instancePath:instancePath+"/MarkItem/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
errors = vErrors.length;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
}
else {
validate31.errors = [{instancePath:instancePath+"/MarkItem",schemaPath:"#/properties/MarkItem/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate31.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate31.errors = vErrors;
return errors === 0;
}
validate31.evaluated = {"props":{"From_Account":true,"MarkItem":true},"dynamicProps":false,"dynamicItems":false};

export const GetContactGroupRequest: SchemaValidator = validate33;
const schema48 = {"type":"object","required":["From_Account","StartIndex"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"StartIndex":{"type":"integer","format":"int64","minimum":0,"maximum":9007199254740991}}};

function validate33(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate33.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.StartIndex === undefined) && (missing0 = "StartIndex"))){
validate33.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate33.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate33.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate33.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.StartIndex !== undefined){
let data1 = data.StartIndex;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate33.errors = [{instancePath:instancePath+"/StartIndex",schemaPath:"#/properties/StartIndex/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(errors === _errs4){
if(typeof data1 == "number"){
if(data1 > 9007199254740991 || isNaN(data1)){
validate33.errors = [{instancePath:instancePath+"/StartIndex",schemaPath:"#/properties/StartIndex/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991"}];
return false;
}
else {
if(data1 < 0 || isNaN(data1)){
validate33.errors = [{instancePath:instancePath+"/StartIndex",schemaPath:"#/properties/StartIndex/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"}];
return false;
}
}
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate33.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate33.errors = vErrors;
return errors === 0;
}
validate33.evaluated = {"props":{"From_Account":true,"StartIndex":true},"dynamicProps":false,"dynamicItems":false};

export const ContactGroupName: SchemaValidator = validate34;
const schema50 = {"type":"string","minLength":1,"x-max-bytes":32};

function validate34(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate34.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(typeof data === "string"){
if(data.length < 1){
validate34.errors = [{instancePath,schemaPath:"#/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data, 32)){
validate34.errors = [{instancePath,schemaPath:"#/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate34.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
validate34.errors = vErrors;
return errors === 0;
}
validate34.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const ContactGroupToCreate: SchemaValidator = validate35;
const schema51 = {"type":"object","required":["GroupName","ContactItem"],"properties":{"GroupName":{"$ref":"#/components/schemas/ContactGroupName"},"ContactItem":{"type":"array","maxItems":100,"items":{"$ref":"#/components/schemas/ContactItem"}}}};

function validate35(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate35.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.GroupName === undefined) && (missing0 = "GroupName")) || ((data.ContactItem === undefined) && (missing0 = "ContactItem"))){
validate35.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.GroupName !== undefined){
let data0 = data.GroupName;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate35.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/components/schemas/ContactGroupName/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate35.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/components/schemas/ContactGroupName/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/components/schemas/ContactGroupName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ContactItem !== undefined){
let data1 = data.ContactItem;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length > 100){
validate35.errors = [{instancePath:instancePath+"/ContactItem",schemaPath:"#/properties/ContactItem/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate24(data1[i0], {instancePath:instancePath+"/ContactItem/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
else {
validate35.errors = [{instancePath:instancePath+"/ContactItem",schemaPath:"#/properties/ContactItem/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate35.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate35.errors = vErrors;
return errors === 0;
}
validate35.evaluated = {"props":{"GroupName":true,"ContactItem":true},"dynamicProps":false,"dynamicItems":false};

export const CreateContactGroupRequest: SchemaValidator = validate37;
const schema53 = {"type":"object","required":["From_Account","GroupContactItem"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"GroupContactItem":{"type":"array","minItems":1,"maxItems":1,"items":{"$ref":"#/components/schemas/ContactGroupToCreate"}}}};

function validate37(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate37.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.GroupContactItem === undefined) && (missing0 = "GroupContactItem"))){
validate37.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate37.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate37.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.GroupContactItem !== undefined){
let data1 = data.GroupContactItem;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length > 1){
validate37.errors = [{instancePath:instancePath+"/GroupContactItem",schemaPath:"#/properties/GroupContactItem/maxItems",keyword:"maxItems",params:{limit: 1},message:"must NOT have more than 1 items"}];
return false;
}
else {
if(data1.length < 1){
validate37.errors = [{instancePath:instancePath+"/GroupContactItem",schemaPath:"#/properties/GroupContactItem/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate35(data1[i0], {instancePath:instancePath+"/GroupContactItem/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate35.errors : vErrors.concat(validate35.errors);
errors = vErrors.length;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
}
else {
validate37.errors = [{instancePath:instancePath+"/GroupContactItem",schemaPath:"#/properties/GroupContactItem/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate37.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate37.errors = vErrors;
return errors === 0;
}
validate37.evaluated = {"props":{"From_Account":true,"GroupContactItem":true},"dynamicProps":false,"dynamicItems":false};

export const ContactOptType: SchemaValidator = validate39;
const schema55 = {"type":"integer","enum":[1,2],"x-enum-varnames":["CONTACT_OPT_ADD","CONTACT_OPT_REMOVE"]};

function validate39(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate39.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(!((typeof data == "number") && (!(data % 1) && !isNaN(data)))){
validate39.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(!((data === 1) || (data === 2))){
validate39.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema55.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate39.errors = vErrors;
return errors === 0;
}
validate39.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const ContactUpdateItem: SchemaValidator = validate40;
const schema56 = {"type":"object","required":["ContactOptType","ContactItem"],"properties":{"ContactOptType":{"$ref":"#/components/schemas/ContactOptType"},"ContactItem":{"$ref":"#/components/schemas/ContactItem"}}};

function validate40(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate40.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.ContactOptType === undefined) && (missing0 = "ContactOptType")) || ((data.ContactItem === undefined) && (missing0 = "ContactItem"))){
validate40.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.ContactOptType !== undefined){
let data0 = data.ContactOptType;
const _errs1 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate40.errors = [{instancePath:instancePath+"/ContactOptType",schemaPath:"#/components/schemas/ContactOptType/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(!((data0 === 1) || (data0 === 2))){
validate40.errors = [{instancePath:instancePath+"/ContactOptType",schemaPath:"#/components/schemas/ContactOptType/enum",keyword:"enum",params:{allowedValues: schema55.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ContactItem !== undefined){
const _errs4 = errors;
if(!(validate24(data.ContactItem, {instancePath:instancePath+"/ContactItem",parentData:data,parentDataProperty:"ContactItem",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate40.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate40.errors = vErrors;
return errors === 0;
}
validate40.evaluated = {"props":{"ContactOptType":true,"ContactItem":true},"dynamicProps":false,"dynamicItems":false};

export const UpdateGroup: SchemaValidator = validate42;
const schema58 = {"type":"object","required":["UpdateGroupType","OldGroupName"],"properties":{"UpdateGroupType":{"type":"integer","enum":[1,2]},"OldGroupName":{"type":"string"},"NewGroupName":{"type":"string"},"ContactUpdateItem":{"type":"array","items":{"$ref":"#/components/schemas/ContactUpdateItem"}}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate42.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.UpdateGroupType === undefined) && (missing0 = "UpdateGroupType")) || ((data.OldGroupName === undefined) && (missing0 = "OldGroupName"))){
validate42.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.UpdateGroupType !== undefined){
let data0 = data.UpdateGroupType;
const _errs1 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
validate42.errors = [{instancePath:instancePath+"/UpdateGroupType",schemaPath:"#/properties/UpdateGroupType/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(!((data0 === 1) || (data0 === 2))){
validate42.errors = [{instancePath:instancePath+"/UpdateGroupType",schemaPath:"#/properties/UpdateGroupType/enum",keyword:"enum",params:{allowedValues: schema58.properties.UpdateGroupType.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.OldGroupName !== undefined){
const _errs3 = errors;
if(typeof data.OldGroupName !== "string"){
validate42.errors = [{instancePath:instancePath+"/OldGroupName",schemaPath:"#/properties/OldGroupName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs3 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.NewGroupName !== undefined){
const _errs5 = errors;
if(typeof data.NewGroupName !== "string"){
validate42.errors = [{instancePath:instancePath+"/NewGroupName",schemaPath:"#/properties/NewGroupName/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs5 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ContactUpdateItem !== undefined){
let data3 = data.ContactUpdateItem;
const _errs7 = errors;
if(errors === _errs7){
if(Array.isArray(data3)){
var valid1 = true;
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
const _errs9 = errors;
if(!(validate40(data3[i0], {instancePath:instancePath+"/ContactUpdateItem/" + i0,parentData:data3,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate40.errors : vErrors.concat(validate40.errors);
errors = vErrors.length;
}
var valid1 = _errs9 === errors;
if(!valid1){
break;
}
}
}
else {
validate42.errors = [{instancePath:instancePath+"/ContactUpdateItem",schemaPath:"#/properties/ContactUpdateItem/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate42.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate42.errors = vErrors;
return errors === 0;
}
validate42.evaluated = {"props":{"UpdateGroupType":true,"OldGroupName":true,"NewGroupName":true,"ContactUpdateItem":true},"dynamicProps":false,"dynamicItems":false};

export const UpdateContactGroupRequest: SchemaValidator = validate44;
const schema59 = {"type":"object","required":["From_Account","UpdateType","UpdateGroup"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"UpdateType":{"type":"integer","const":1},"UpdateGroup":{"$ref":"#/components/schemas/UpdateGroup"}}};

function validate44(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate44.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.UpdateType === undefined) && (missing0 = "UpdateType"))) || ((data.UpdateGroup === undefined) && (missing0 = "UpdateGroup"))){
validate44.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate44.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate44.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate44.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.UpdateType !== undefined){
let data1 = data.UpdateType;
const _errs4 = errors;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
validate44.errors = [{instancePath:instancePath+"/UpdateType",schemaPath:"#/properties/UpdateType/type",keyword:"type",params:{type: "integer"},message:"must be integer"}];
return false;
}
if(1 !== data1){
validate44.errors = [{instancePath:instancePath+"/UpdateType",schemaPath:"#/properties/UpdateType/const",keyword:"const",params:{allowedValue: 1},message:"must be equal to constant"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.UpdateGroup !== undefined){
const _errs6 = errors;
if(!(validate42(data.UpdateGroup, {instancePath:instancePath+"/UpdateGroup",parentData:data,parentDataProperty:"UpdateGroup",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate44.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate44.errors = vErrors;
return errors === 0;
}
validate44.evaluated = {"props":{"From_Account":true,"UpdateType":true,"UpdateGroup":true},"dynamicProps":false,"dynamicItems":false};

export const DelContactGroupRequest: SchemaValidator = validate46;
const schema61 = {"type":"object","required":["From_Account","GroupName"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"GroupName":{"type":"array","minItems":1,"maxItems":1,"items":{"type":"string"}}}};

function validate46(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate46.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.GroupName === undefined) && (missing0 = "GroupName"))){
validate46.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate46.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate46.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate46.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.GroupName !== undefined){
let data1 = data.GroupName;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length > 1){
validate46.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/properties/GroupName/maxItems",keyword:"maxItems",params:{limit: 1},message:"must NOT have more than 1 items"}];
return false;
}
else {
if(data1.length < 1){
validate46.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/properties/GroupName/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(typeof data1[i0] !== "string"){
validate46.errors = [{instancePath:instancePath+"/GroupName/" + i0,schemaPath:"#/properties/GroupName/items/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
}
else {
validate46.errors = [{instancePath:instancePath+"/GroupName",schemaPath:"#/properties/GroupName/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate46.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate46.errors = vErrors;
return errors === 0;
}
validate46.evaluated = {"props":{"From_Account":true,"GroupName":true},"dynamicProps":false,"dynamicItems":false};

export const SearchContactGroupRequest: SchemaValidator = validate47;
const schema63 = {"type":"object","required":["From_Account","ContactItem"],"properties":{"From_Account":{"$ref":"#/components/schemas/UserID"},"ContactItem":{"type":"array","minItems":1,"maxItems":300,"items":{"$ref":"#/components/schemas/ContactItem"}}}};

function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate47.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.From_Account === undefined) && (missing0 = "From_Account")) || ((data.ContactItem === undefined) && (missing0 = "ContactItem"))){
validate47.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.From_Account !== undefined){
let data0 = data.From_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate47.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate47.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/From_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.ContactItem !== undefined){
let data1 = data.ContactItem;
const _errs4 = errors;
if(errors === _errs4){
if(Array.isArray(data1)){
if(data1.length > 300){
validate47.errors = [{instancePath:instancePath+"/ContactItem",schemaPath:"#/properties/ContactItem/maxItems",keyword:"maxItems",params:{limit: 300},message:"must NOT have more than 300 items"}];
return false;
}
else {
if(data1.length < 1){
validate47.errors = [{instancePath:instancePath+"/ContactItem",schemaPath:"#/properties/ContactItem/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid2 = true;
const len0 = data1.length;
for(let i0=0; i0<len0; i0++){
const _errs6 = errors;
if(!(validate24(data1[i0], {instancePath:instancePath+"/ContactItem/" + i0,parentData:data1,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
var valid2 = _errs6 === errors;
if(!valid2){
break;
}
}
}
}
}
else {
validate47.errors = [{instancePath:instancePath+"/ContactItem",schemaPath:"#/properties/ContactItem/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
}
}
}
else {
validate47.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate47.errors = vErrors;
return errors === 0;
}
validate47.evaluated = {"props":{"From_Account":true,"ContactItem":true},"dynamicProps":false,"dynamicItems":false};

export const AccountImportRequest: SchemaValidator = validate49;
const schema65 = {"type":"object","required":["UserID"],"properties":{"UserID":{"$ref":"#/components/schemas/UserID"},"Identifier":{"$ref":"#/components/schemas/UserID","deprecated":true},"Nick":{"type":"string"},"FaceUrl":{"type":"string"}}};

function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate49.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.UserID === undefined) && (missing0 = "UserID")){
validate49.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.UserID !== undefined){
let data0 = data.UserID;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate49.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate49.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate49.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.Identifier !== undefined){
let data1 = data.Identifier;
const _errs4 = errors;
const _errs5 = errors;
if(errors === _errs5){
if(typeof data1 === "string"){
if(data1.length < 1){
validate49.errors = [{instancePath:instancePath+"/Identifier",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data1, 32)){
validate49.errors = [{instancePath:instancePath+"/Identifier",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate49.errors = [{instancePath:instancePath+"/Identifier",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.Nick !== undefined){
const _errs7 = errors;
if(typeof data.Nick !== "string"){
validate49.errors = [{instancePath:instancePath+"/Nick",schemaPath:"#/properties/Nick/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.FaceUrl !== undefined){
const _errs9 = errors;
if(typeof data.FaceUrl !== "string"){
validate49.errors = [{instancePath:instancePath+"/FaceUrl",schemaPath:"#/properties/FaceUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate49.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate49.errors = vErrors;
return errors === 0;
}
validate49.evaluated = {"props":{"UserID":true,"Identifier":true,"Nick":true,"FaceUrl":true},"dynamicProps":false,"dynamicItems":false};

export const ImportedAccount: SchemaValidator = validate50;
const schema68 = {"type":"object","required":["UserID"],"properties":{"UserID":{"$ref":"#/components/schemas/UserID"},"Nick":{"type":"string"},"FaceUrl":{"type":"string"}}};

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate50.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.UserID === undefined) && (missing0 = "UserID")){
validate50.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.UserID !== undefined){
let data0 = data.UserID;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate50.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate50.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate50.errors = [{instancePath:instancePath+"/UserID",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.Nick !== undefined){
const _errs4 = errors;
if(typeof data.Nick !== "string"){
validate50.errors = [{instancePath:instancePath+"/Nick",schemaPath:"#/properties/Nick/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.FaceUrl !== undefined){
const _errs6 = errors;
if(typeof data.FaceUrl !== "string"){
validate50.errors = [{instancePath:instancePath+"/FaceUrl",schemaPath:"#/properties/FaceUrl/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
else {
validate50.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate50.errors = vErrors;
return errors === 0;
}
validate50.evaluated = {"props":{"UserID":true,"Nick":true,"FaceUrl":true},"dynamicProps":false,"dynamicItems":false};

export const MultiaccountImportRequest: SchemaValidator = validate51;
const schema70 = {"type":"object","properties":{"Accounts":{"type":"array","minItems":1,"maxItems":100,"items":{"$ref":"#/components/schemas/UserID"}},"AccountList":{"type":"array","minItems":1,"maxItems":100,"items":{"$ref":"#/components/schemas/ImportedAccount"}}}};

function validate51(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate51.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.Accounts !== undefined){
let data0 = data.Accounts;
const _errs1 = errors;
if(errors === _errs1){
if(Array.isArray(data0)){
if(data0.length > 100){
validate51.errors = [{instancePath:instancePath+"/Accounts",schemaPath:"#/properties/Accounts/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
if(data0.length < 1){
validate51.errors = [{instancePath:instancePath+"/Accounts",schemaPath:"#/properties/Accounts/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid1 = true;
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
const _errs3 = errors;
const _errs4 = errors;
if(errors === _errs4){
if(typeof data1 === "string"){
if(data1.length < 1){
validate51.errors = [{instancePath:instancePath+"/Accounts/" + i0,schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data1, 32)){
validate51.errors = [{instancePath:instancePath+"/Accounts/" + i0,schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/Accounts/" + i0,schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid1 = _errs3 === errors;
if(!valid1){
break;
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/Accounts",schemaPath:"#/properties/Accounts/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.AccountList !== undefined){
let data2 = data.AccountList;
const _errs6 = errors;
if(errors === _errs6){
if(Array.isArray(data2)){
if(data2.length > 100){
validate51.errors = [{instancePath:instancePath+"/AccountList",schemaPath:"#/properties/AccountList/maxItems",keyword:"maxItems",params:{limit: 100},message:"must NOT have more than 100 items"}];
return false;
}
else {
if(data2.length < 1){
validate51.errors = [{instancePath:instancePath+"/AccountList",schemaPath:"#/properties/AccountList/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items"}];
return false;
}
else {
var valid3 = true;
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
const _errs8 = errors;
if(!(validate50(data2[i1], {instancePath:instancePath+"/AccountList/" + i1,parentData:data2,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
errors = vErrors.length;
}
var valid3 = _errs8 === errors;
if(!valid3){
break;
}
}
}
}
}
else {
validate51.errors = [{instancePath:instancePath+"/AccountList",schemaPath:"#/properties/AccountList/type",keyword:"type",params:{type: "array"},message:"must be array"}];
return false;
}
}
var valid0 = _errs6 === errors;
}
else {
var valid0 = true;
}
}
}
else {
validate51.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate51.errors = vErrors;
return errors === 0;
}
validate51.evaluated = {"props":{"Accounts":true,"AccountList":true},"dynamicProps":false,"dynamicItems":false};

export const GroupType: SchemaValidator = validate53;
const schema72 = {"type":"string","enum":["Public","Private","ChatRoom","AVChatRoom","Community","Work","Meeting"]};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate53.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(typeof data !== "string"){
validate53.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data === "Public") || (data === "Private")) || (data === "ChatRoom")) || (data === "AVChatRoom")) || (data === "Community")) || (data === "Work")) || (data === "Meeting"))){
validate53.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema72.enum},message:"must be equal to one of the allowed values"}];
return false;
}
validate53.errors = vErrors;
return errors === 0;
}
validate53.evaluated = {"dynamicProps":false,"dynamicItems":false};

export const CreateGroupRequest: SchemaValidator = validate54;
const schema73 = {"type":"object","required":["Type","Name"],"properties":{"Owner_Account":{"$ref":"#/components/schemas/UserID"},"Type":{"$ref":"#/components/schemas/GroupType"},"Name":{"type":"string","minLength":1,"x-max-bytes":30},"GroupId":{"type":"string","minLength":1,"x-max-bytes":48}}};

function validate54(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate54.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if(((data.Type === undefined) && (missing0 = "Type")) || ((data.Name === undefined) && (missing0 = "Name"))){
validate54.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.Owner_Account !== undefined){
let data0 = data.Owner_Account;
const _errs1 = errors;
const _errs2 = errors;
if(errors === _errs2){
if(typeof data0 === "string"){
if(data0.length < 1){
validate54.errors = [{instancePath:instancePath+"/Owner_Account",schemaPath:"#/components/schemas/UserID/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 32)){
validate54.errors = [{instancePath:instancePath+"/Owner_Account",schemaPath:"#/components/schemas/UserID/x-max-bytes",keyword:"x-max-bytes",params:{limit: 32},message:"must be at most 32 UTF-8 bytes"}];
return false;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/Owner_Account",schemaPath:"#/components/schemas/UserID/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs1 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.Type !== undefined){
let data1 = data.Type;
const _errs4 = errors;
if(typeof data1 !== "string"){
validate54.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/components/schemas/GroupType/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
if(!(((((((data1 === "Public") || (data1 === "Private")) || (data1 === "ChatRoom")) || (data1 === "AVChatRoom")) || (data1 === "Community")) || (data1 === "Work")) || (data1 === "Meeting"))){
validate54.errors = [{instancePath:instancePath+"/Type",schemaPath:"#/components/schemas/GroupType/enum",keyword:"enum",params:{allowedValues: schema72.enum},message:"must be equal to one of the allowed values"}];
return false;
}
var valid0 = _errs4 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.Name !== undefined){
let data2 = data.Name;
const _errs7 = errors;
if(errors === _errs7){
if(typeof data2 === "string"){
if(data2.length < 1){
validate54.errors = [{instancePath:instancePath+"/Name",schemaPath:"#/properties/Name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data2, 30)){
validate54.errors = [{instancePath:instancePath+"/Name",schemaPath:"#/properties/Name/x-max-bytes",keyword:"x-max-bytes",params:{limit: 30},message:"must be at most 30 UTF-8 bytes"}];
return false;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/Name",schemaPath:"#/properties/Name/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs7 === errors;
}
else {
var valid0 = true;
}
if(valid0){
if(data.GroupId !== undefined){
let data3 = data.GroupId;
const _errs9 = errors;
if(errors === _errs9){
if(typeof data3 === "string"){
if(data3.length < 1){
validate54.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data3, 48)){
validate54.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/x-max-bytes",keyword:"x-max-bytes",params:{limit: 48},message:"must be at most 48 UTF-8 bytes"}];
return false;
}
}
}
else {
validate54.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
var valid0 = _errs9 === errors;
}
else {
var valid0 = true;
}
}
}
}
}
}
else {
validate54.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate54.errors = vErrors;
return errors === 0;
}
validate54.evaluated = {"props":{"Owner_Account":true,"Type":true,"Name":true,"GroupId":true},"dynamicProps":false,"dynamicItems":false};

export const DestroyGroupRequest: SchemaValidator = validate55;
const schema76 = {"type":"object","required":["GroupId"],"properties":{"GroupId":{"type":"string","minLength":1,"x-max-bytes":48}}};

function validate55(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate55.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(errors === 0){
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.GroupId === undefined) && (missing0 = "GroupId")){
validate55.errors = [{instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: missing0},message:"must have required property '"+missing0+"'"}];
return false;
}
else {
if(data.GroupId !== undefined){
let data0 = data.GroupId;
const _errs1 = errors;
if(errors === _errs1){
if(typeof data0 === "string"){
if(data0.length < 1){
validate55.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"}];
return false;
}
else {
if(func1(data0, 48)){
validate55.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/x-max-bytes",keyword:"x-max-bytes",params:{limit: 48},message:"must be at most 48 UTF-8 bytes"}];
return false;
}
}
}
else {
validate55.errors = [{instancePath:instancePath+"/GroupId",schemaPath:"#/properties/GroupId/type",keyword:"type",params:{type: "string"},message:"must be string"}];
return false;
}
}
}
}
}
else {
validate55.errors = [{instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"}];
return false;
}
}
validate55.errors = vErrors;
return errors === 0;
}
validate55.evaluated = {"props":{"GroupId":true},"dynamicProps":false,"dynamicItems":false};


/** The schemas request bodies reach, each with its validator above. */
export const REQUEST_SCHEMA_NAMES = ["UserID","C2CContactItem","GroupContactItem","ContactItem","OptType","MarkPosition","CustomMark","MarkItem","MarkContactRequest","GetContactGroupRequest","ContactGroupName","ContactGroupToCreate","CreateContactGroupRequest","ContactOptType","ContactUpdateItem","UpdateGroup","UpdateContactGroupRequest","DelContactGroupRequest","SearchContactGroupRequest","AccountImportRequest","ImportedAccount","MultiaccountImportRequest","GroupType","CreateGroupRequest","DestroyGroupRequest"];
export type RequestSchemaName = "UserID" | "C2CContactItem" | "GroupContactItem" | "ContactItem" | "OptType" | "MarkPosition" | "CustomMark" | "MarkItem" | "MarkContactRequest" | "GetContactGroupRequest" | "ContactGroupName" | "ContactGroupToCreate" | "CreateContactGroupRequest" | "ContactOptType" | "ContactUpdateItem" | "UpdateGroup" | "UpdateContactGroupRequest" | "DelContactGroupRequest" | "SearchContactGroupRequest" | "AccountImportRequest" | "ImportedAccount" | "MultiaccountImportRequest" | "GroupType" | "CreateGroupRequest" | "DestroyGroupRequest";

/** Each command's request schema (its operation's requestBody). */
export const REQUEST_SCHEMA_OF = {
  "markContact": "MarkContactRequest",
  "getContactGroup": "GetContactGroupRequest",
  "createContactGroup": "CreateContactGroupRequest",
  "updateContactGroup": "UpdateContactGroupRequest",
  "delContactGroup": "DelContactGroupRequest",
  "searchContactGroup": "SearchContactGroupRequest",
  "accountImport": "AccountImportRequest",
  "multiaccountImport": "MultiaccountImportRequest",
  "createGroup": "CreateGroupRequest",
  "destroyGroup": "DestroyGroupRequest"
} as const;

/** Whether `text` is longer than `max` UTF-8 bytes (`x-max-bytes`); counts at most `max` bytes. */
export function exceedsMaxBytes(text, max) {
  const length = text.length;
  if (length > max) return true; // a UTF-16 code unit is at least one UTF-8 byte
  if (length * 3 <= max) return false; // …and at most three
  let bytes = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}
