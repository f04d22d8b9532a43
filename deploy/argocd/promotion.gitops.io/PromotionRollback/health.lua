-- Health of a promotion.gitops.io/PromotionRollback: a request, run once, to restore the image tags
-- a promotion replaced.
-- Succeeded and Failed are final: the operator never runs the resource again. PartiallyRestored is
-- Degraded: the applications whose tag changed since the promotion were left alone and need a
-- person. Previewed is Suspended: a dry run waits for someone to create the real rollback. Uses only
-- the base and table libraries, as argocd-cm scripts get by default.
local hs = {}

local function present(text)
  return text ~= nil and text ~= ""
end

local function firstOf(...)
  for i = 1, select("#", ...) do
    local text = select(i, ...)
    if present(text) then
      return text
    end
  end
  return nil
end

local function readyCondition(status)
  for _, condition in ipairs(status.conditions or {}) do
    if condition.type == "Ready" then
      return condition
    end
  end
  return nil
end

local function conflictSummary(conflicts)
  local apps = {}
  for _, conflict in ipairs(conflicts or {}) do
    table.insert(apps, tostring(conflict.service) .. "/" .. tostring(conflict.app))
  end
  return #apps .. " application(s) left alone, their tag changed since the promotion: " .. table.concat(apps, ", ")
end

local status = obj.status
if status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator"
  return hs
end

if status.phase == "Succeeded" then
  if status.result == "PartiallyRestored" then
    hs.status = "Degraded"
    hs.message = "PartiallyRestored: " .. conflictSummary(status.conflicts)
    return hs
  end
  hs.status = "Healthy"
  hs.message = firstOf(status.message, status.result, "Succeeded")
  return hs
end

if status.phase == "Failed" then
  hs.status = "Degraded"
  if present(status.reason) and present(status.message) then
    hs.message = status.reason .. ": " .. status.message
  else
    hs.message = firstOf(status.reason, status.message, "Failed")
  end
  return hs
end

local generation = (obj.metadata or {}).generation
if generation ~= nil and status.observedGeneration ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local ready = readyCondition(status)
if ready ~= nil and ready.status == "Unknown" and ready.reason == "Retrying" then
  hs.status = "Progressing"
  hs.message = firstOf(ready.message, status.message, "Retrying")
  return hs
end

if status.phase == "Previewed" then
  hs.status = "Suspended"
  hs.message = firstOf(status.message, "Preview ready: create a PromotionRollback without dryRun to restore")
  return hs
end

hs.status = "Progressing"
hs.message = firstOf(status.message, "Waiting for the operator")
return hs
