-- wrk script for bench/run.py.
--   wrk ... -s bench/wrk.lua URL                       the same request each time
--   wrk ... -s bench/wrk.lua URL -- bench/words.txt [seed]  /search/?q=<one or two words drawn from the list>
-- Each tier passes its own seed, so one tier never finds the answers another just cached.
-- done() prints the latency percentiles wrk's --latency leaves out (p95 among them) in microseconds.

local words = nil
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

function init(args)
   if args[1] then
      words = {}
      for line in io.lines(args[1]) do
         if #line > 0 then words[#words + 1] = line end
      end
      -- Each thread its own sequence, the same from run to run.
      math.randomseed((tonumber(args[2]) or 1000) + (id or 0))
   end
end

local counter = 0

function request()
   if not words then
      return wrk.format()
   end
   counter = counter + 1
   local query = words[math.random(#words)]
   if counter % 2 == 0 then
      query = query .. "+" .. words[math.random(#words)]
   end
   query = query:gsub("[^%w+]", function(c) return string.format("%%%02X", c:byte()) end)
   return wrk.format(nil, "/search/?q=" .. query)
end

function done(summary, latency, requests)
   for _, p in ipairs({50, 75, 90, 95, 99}) do
      io.write(string.format("PERCENTILE %d %d\n", p, latency:percentile(p)))
   end
end
